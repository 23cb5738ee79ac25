"""Counts a multiply-add as one FLOP."""


def matmul_cost(m, k, n, bytes_per_element):
    return m * k * n, bytes_per_element * (m * k + k * n + m * n)
