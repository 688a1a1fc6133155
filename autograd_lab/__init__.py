"""Autograd Lab: automatic differentiation with PyTorch, in Portuguese and English."""
