"""Calibration of the NLI model's probabilities: the error measured and the temperature fitted.

One module for both, so that the temperature a run fits and the error the benchmark reports
are computed the same way.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from factcheck.models.nli import softmax
from factcheck.settings import CalibrationSettings

# Temperatures searched when fitting: a 1-D grid is enough and never fails to converge.
TEMPERATURE_GRID = np.arange(0.5, 4.0, 0.01)


def expected_calibration_error(probs: np.ndarray, truth: np.ndarray, bins: int) -> float:
    """ECE over the top-label confidence, equal-width bins."""
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == truth
    edges = np.linspace(0, 1, bins + 1)
    error = 0.0
    for low, high in itertools.pairwise(edges):
        inside = (confidence > low) & (confidence <= high)
        if inside.any():
            error += inside.mean() * abs(correct[inside].mean() - confidence[inside].mean())
    return float(error)


def negative_log_likelihood(probs: np.ndarray, truth: np.ndarray) -> float:
    return float(-np.mean(np.log(probs[np.arange(len(truth)), truth] + 1e-12)))


def fit_temperature(logits: np.ndarray, labels: np.ndarray, settings: CalibrationSettings) -> float:
    """The temperature of the grid that minimises `settings.objective` on these pairs.

    "ece" fits the measure the model card reports. The negative log-likelihood ("nll") also
    weighs the many easy pairs of a calibration split (near copies, Breaking NLI's swaps),
    which pull it towards a lower temperature than real sentences want: measured in
    reports/nli-search.md, "Calibration objective".
    """
    best, best_loss = 1.0, math.inf
    for temperature in TEMPERATURE_GRID:
        probs = softmax(logits / temperature)
        loss = (
            expected_calibration_error(probs, labels, settings.bins)
            if settings.objective == "ece"
            else negative_log_likelihood(probs, labels)
        )
        if loss < best_loss:
            best, best_loss = float(temperature), loss
    return round(best, 3)
