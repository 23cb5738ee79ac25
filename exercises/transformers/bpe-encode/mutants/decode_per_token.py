"""Decodes each token's bytes separately, which fails when a token holds part of a character."""


def bpe_decode(ids, merges):
    vocab = [bytes([b]) for b in range(256)]
    for a, b in merges:
        vocab.append(vocab[a] + vocab[b])
    return "".join(vocab[i].decode("utf-8") for i in ids)
