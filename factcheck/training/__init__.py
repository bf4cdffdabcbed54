"""Training the NLI model: data pools, synthetic and passage pairs, the CPU trainer and the
model card.

May import: `schema`, `settings`, `errors`, `files`, `resources`, `facts`, `models`,
`pipeline` (alignment builds passage premises) and `report` (Markdown tables).
"""
