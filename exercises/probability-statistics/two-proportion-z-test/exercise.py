# %% [markdown]
# Model version A was shown to `n_a` users and `k_a` of them accepted its suggestion; version B was shown
# to `n_b` users and `k_b` accepted. The two-proportion z-test asks how surprising the observed difference
# would be if both versions had the same acceptance rate. Under that null hypothesis the best estimate of
# the shared rate pools both groups, and the difference of the two observed rates is approximately normal:
#
# $$\hat p = \frac{k_a + k_b}{n_a + n_b}, \qquad
# \text{SE} = \sqrt{\hat p (1 - \hat p) \left(\frac{1}{n_a} + \frac{1}{n_b}\right)}, \qquad
# z = \frac{k_b/n_b - k_a/n_a}{\text{SE}}.$$
#
# The two-sided p-value is $P(|Z| \ge |z|)$ for a standard normal $Z$, which is `math.erfc(abs(z) / math.sqrt(2))`.
#
# Write two functions:
#
# 1. `z_test_p_value(k_a, n_a, k_b, n_b)` returns that p-value as a float. If every user in both groups
#    gave the same answer (`k_a + k_b` is 0, or equals `n_a + n_b`), the standard error is 0 and the two
#    rates are equal: there is no evidence of a difference, so return `1.0`.
# 2. `rejection_rate(rate_a, rate_b, n_per_arm, n_experiments, rng, alpha=0.05)` simulates
#    `n_experiments` independent A/B tests, each with `n_per_arm` users per version whose true acceptance
#    rates are `rate_a` and `rate_b`, and returns the share of experiments in which the test finds
#    p < `alpha`. Draw the accept counts with `rng.binomial` (one call per arm gives all experiments), and
#    use the generator `rng` you are given for all randomness.
#
# With `rate_a == rate_b` the rejection rate is the test's false-positive rate, which should be close to
# `alpha`; with different rates it is the test's power, the chance of detecting a difference that really
# exists. Knowing both before an experiment starts is how you decide how many users it needs.

# %%
import math

import numpy as np


def z_test_p_value(k_a, n_a, k_b, n_b):
    """Two-sided p-value of the pooled two-proportion z-test of k_a/n_a against k_b/n_b."""
    ### BEGIN SOLUTION
    pooled = (k_a + k_b) / (n_a + n_b)
    variance = pooled * (1.0 - pooled) * (1.0 / n_a + 1.0 / n_b)
    if variance <= 0.0:
        return 1.0
    z = (k_b / n_b - k_a / n_a) / math.sqrt(variance)
    return math.erfc(abs(z) / math.sqrt(2.0))
    ### END SOLUTION


def rejection_rate(rate_a, rate_b, n_per_arm, n_experiments, rng, alpha=0.05):
    """Share of n_experiments simulated A/B tests whose p-value is below alpha."""
    ### BEGIN SOLUTION
    k_a = rng.binomial(n_per_arm, rate_a, size=n_experiments)
    k_b = rng.binomial(n_per_arm, rate_b, size=n_experiments)
    p_values = np.array([z_test_p_value(int(a), n_per_arm, int(b), n_per_arm)
                         for a, b in zip(k_a, k_b, strict=True)])
    return float(np.mean(p_values < alpha))
    ### END SOLUTION


# %% [markdown]
# An experiment from the notebook: 2000 users per arm, 30% against 31% acceptance. How often would it
# "find" a difference when there is none, and how often does it find the one that exists?

# %%
rng = np.random.default_rng(0)
print("p-value for 600/2000 against 660/2000:", z_test_p_value(600, 2000, 660, 2000))
print("false-positive rate:", rejection_rate(0.30, 0.30, 2000, 4000, rng))
print("power for 30% vs 31%:", rejection_rate(0.30, 0.31, 2000, 4000, rng))

# %% [markdown] tags=["solution"]
# The p-value follows the formulas line by line; `math.erfc(abs(z) / math.sqrt(2))` equals
# $2\,(1 - \Phi(|z|))$, both tails of the normal distribution. The pooled rate is right *under the null
# hypothesis*, which is the hypothesis the p-value is computed under; an unpooled standard error
# (each group's own rate) gives a slightly different test. The zero-variance case needs its own branch,
# otherwise the division raises `ZeroDivisionError` (or gives `nan` with NumPy scalars).
#
# The simulation draws all accept counts with two `rng.binomial` calls and loops over the experiments
# only to compute the p-values; a few thousand calls of a scalar function take milliseconds. For millions
# of experiments you would vectorise the test itself with array operations and `scipy.special.erfc`, as
# the notebook does. With equal rates about 5% of experiments reject at `alpha = 0.05`, as promised; with
# 2000 users per arm, a true difference of one percentage point is found in only about one experiment
# in ten.
