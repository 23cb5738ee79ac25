"""Returns the Bayes threshold cost_fp / (cost_fp + cost_fn) without looking at the data."""


def choose_threshold(y_true, scores, cost_fn, cost_fp):
    return cost_fp / (cost_fp + cost_fn)
