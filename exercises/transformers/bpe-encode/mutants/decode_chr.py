"""Builds the vocabulary from chr(byte) strings, which turns every non-ASCII character into mojibake."""


def bpe_decode(ids, merges):
    vocab = [chr(b) for b in range(256)]
    for a, b in merges:
        vocab.append(vocab[a] + vocab[b])
    return "".join(vocab[i] for i in ids)
