"""Counts the bytes read but forgets writing the output."""


def matmul_cost(m, k, n, bytes_per_element):
    return 2 * m * k * n, bytes_per_element * (m * k + k * n)
