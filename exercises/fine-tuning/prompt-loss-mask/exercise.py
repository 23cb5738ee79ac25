# %% [markdown]
# Instruction data comes as pairs: a prompt (in the notebook, a line "Q: How many hours does ... take?" and
# then "A:") and the answer the model should give. At use time the prompt is supplied, never generated, so
# fine-tuning should only teach the model to produce the answer: the loss is **masked** to the answer tokens.
# Getting the mask one position off is easy and silent, so this exercise builds it and then checks it where it
# matters, in the gradient.
#
# 1. `make_example(prompt_ids, answer_ids, context, pad_id)` joins the two lists of token ids into one
#    sequence `seq`. As in pretraining, position `t` reads `seq[t]` and predicts `seq[t + 1]`, so the inputs are
#    `seq[:-1]` and the targets `seq[1:]`, each padded with `pad_id` up to length `context`. Return three
#    arrays of length `context`: `inputs` and `targets` (integers) and `weights` (float64), where the weight is
#    1 exactly at the positions whose **target** is an answer token and 0 everywhere else (prompt and padding).
#    The first answer token is predicted from the last prompt token, so its weight sits at position
#    `len(prompt_ids) - 1`. If the sequence needs more than `context` positions, raise `ValueError`. Both
#    lists hold at least one token.
# 2. `masked_cross_entropy(logits, targets, weights)` takes `logits` of shape `(..., V)` and `targets`,
#    `weights` of shape `(...)`, and returns `(loss, dlogits)`: the loss is the weighted mean of the negative
#    log-probabilities of the targets, sum(w · nll) / sum(w) (nats per *counted* token, a Python float), and
#    `dlogits`, of the shape of `logits`, is its gradient: `(softmax(logits) − onehot(target)) · w / sum(w)`
#    for each row. Rows with weight 0 must come out exactly 0. Compute the log-softmax stably (subtract each
#    row's maximum), since logits can be large.
#
# For example, a 3-token prompt `[10, 11, 12]` and a 2-token answer `[20, 21]` with `context = 6` and
# `pad_id = 0` give inputs `[10, 11, 12, 20, 0, 0]`, targets `[11, 12, 20, 21, 0, 0]` and weights
# `[0, 0, 1, 1, 0, 0]`.

# %%
import numpy as np


def make_example(prompt_ids, answer_ids, context, pad_id):
    """(inputs, targets, weights) for one prompt and answer, padded to `context` positions."""
    ### BEGIN SOLUTION
    seq = list(prompt_ids) + list(answer_ids)
    n = len(seq) - 1
    if n > context:
        raise ValueError(f"prompt and answer need {n} positions, more than the context of {context}")
    inputs = np.full(context, pad_id, dtype=np.int64)
    targets = np.full(context, pad_id, dtype=np.int64)
    weights = np.zeros(context, dtype=np.float64)
    inputs[:n] = seq[:-1]
    targets[:n] = seq[1:]
    weights[len(prompt_ids) - 1:n] = 1.0
    return inputs, targets, weights
    ### END SOLUTION


def masked_cross_entropy(logits, targets, weights):
    """Weighted mean cross-entropy over counted tokens, and its gradient with respect to the logits."""
    ### BEGIN SOLUTION
    logits = np.asarray(logits, dtype=np.float64)
    weights = np.asarray(weights, dtype=np.float64)
    z = logits - logits.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    picked = np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]
    total = weights.sum()
    loss = float(-(picked * weights).sum() / total)
    dlogits = np.exp(logp)
    np.put_along_axis(dlogits, targets[..., None], np.take_along_axis(dlogits, targets[..., None], -1) - 1, -1)
    return loss, dlogits * (weights / total)[..., None]
    ### END SOLUTION


# %% [markdown]
# The worked example, and the test that matters: new targets at the masked positions must leave the gradient
# unchanged, bit for bit.

# %%
inputs, targets, weights = make_example([10, 11, 12], [20, 21], context=6, pad_id=0)
print(inputs, targets, weights, sep="\n")
rng = np.random.default_rng(0)
logits = rng.normal(size=(6, 30))
loss, dlogits = masked_cross_entropy(logits, targets, weights)
other = np.where(weights == 0, (targets + 7) % 30, targets)
print(loss, np.array_equal(dlogits, masked_cross_entropy(logits, other, weights)[1]))

# %% [markdown] tags=["solution"]
# The sequence has `len(seq) - 1` (input, target) positions, and target `t` is `seq[t + 1]`, an answer token
# exactly when `t + 1 >= len(prompt_ids)`, hence the slice `len(prompt_ids) - 1 : len(seq) - 1`. Two wrong
# slices are common: starting at `len(prompt_ids)` (it marks positions whose *input* is an answer token, which
# drops the first answer token and counts the first padding) and running to the end (it counts the padding).
# In the loss, multiplying each gradient row by its weight makes masked rows exactly 0 (`0.0 * x` is 0 for
# any finite `x`), so nothing about a masked target can reach any parameter. Dividing by `weights.sum()`
# rather than by the number of positions keeps the loss in nats per answer token, comparable between batches
# with short and long prompts.
