"""Common wrong answers to assignment 6 (higher-order derivatives).

Each entry is the whole content of one solution cell as a student could type
it (the same code in both languages: the test cells diagnose it).
"""

from autograd_lab.wrong_answers import WrongAnswer

_EX1_HEAD = '''def second_derivative(x):
    """Second derivative of y = x**4 + exp(-x) at the points x, computed with autograd."""
    x = x.detach().requires_grad_(True)  # a fresh leaf that autograd tracks (the caller's x is left alone)
    y = x**4 + torch.exp(-x)
'''

_EX2_HEAD = '''def nth_derivative(f, x, n):
    """The n-th derivative (n >= 1) of the elementwise function f at the points x."""
    x = x.detach().requires_grad_(True)  # a fresh leaf that autograd tracks (the caller's x is left alone)
'''

_EX3_HEAD = '''def f(p):
    """f(x, y) = x³·y + exp(x·y), with the point given as p = (x, y)."""
    x, y = p[0], p[1]
    return x**3 * y + torch.exp(x * y)


def hessian_at(p):
    """The 2×2 Hessian matrix of f at the point p (a tensor of shape (2,))."""
    p = p.detach().requires_grad_(True)  # a fresh leaf that autograd tracks
'''

WRONG_ANSWERS = [
    # ------------------------------------------------------------------ ex1
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_forgot_create_graph",
        misconception="Left out create_graph=True in the first call, so the first derivative has no graph and cannot be differentiated.",
        code=_EX1_HEAD + '''    d1, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y))
    d2, = torch.autograd.grad(d1, x, grad_outputs=torch.ones_like(d1))
    return d2
''',
        hint={"en": "has no graph", "pt": "não tem grafo"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_returned_tuple",
        misconception="Returned what torch.autograd.grad returned, a tuple, instead of the tensor inside it.",
        code=_EX1_HEAD + '''    d1 = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)[0]
    d2 = torch.autograd.grad(d1, x, grad_outputs=torch.ones_like(d1))
    return d2
''',
        hint={"en": "returned a tuple", "pt": "devolveu uma tupla"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_differentiated_y_twice",
        misconception="Took the 'second' derivative from y again instead of from the first derivative, which gives the first derivative twice.",
        code=_EX1_HEAD + '''    d1, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)
    d2, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y))
    return d2
''',
        hint={"en": "both calls differentiated y", "pt": "as duas chamadas derivaram y"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_forgot_grad_outputs",
        misconception="Called torch.autograd.grad on a vector y without grad_outputs, as if y were a scalar.",
        code=_EX1_HEAD + '''    d1, = torch.autograd.grad(y, x, create_graph=True)
    d2, = torch.autograd.grad(d1, x)
    return d2
''',
        hint={"en": "needs grad_outputs", "pt": "precisa de grad_outputs"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_ones_of_length_len_y",
        misconception="Built grad_outputs with torch.ones(len(y)) (the d2l idiom), which only has the right shape for 1-D tensors.",
        code=_EX1_HEAD + '''    d1, = torch.autograd.grad(y, x, grad_outputs=torch.ones(len(y)), create_graph=True)
    d2, = torch.autograd.grad(d1, x, grad_outputs=torch.ones(len(d1)))
    return d2
''',
        hint={"en": "only fits 1-D tensors", "pt": "só serve para tensores 1-D"},
    ),
    # ------------------------------------------------------------------ ex2
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_forgot_create_graph",
        misconception="Left out create_graph=True in the loop, so the derivative cannot be differentiated a second time.",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        derivative, = torch.autograd.grad(derivative, x, grad_outputs=torch.ones_like(derivative))
    return derivative
''',
        hint={"en": "has no graph", "pt": "não tem grafo"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_returned_tuple",
        misconception="Kept the tuple that torch.autograd.grad returns instead of taking the tensor out of it.",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        derivative = torch.autograd.grad(derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True)
    return derivative
''',
        hint={"en": "returned a tuple", "pt": "devolveu uma tupla"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_off_by_one",
        misconception="Looped over range(1, n), thinking it runs n times: it runs n - 1 times, one derivative too few.",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(1, n):
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True
        )
    return derivative
''',
        hint={"en": "one derivative too few", "pt": "uma derivada a menos"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_differentiated_f_each_time",
        misconception="Differentiated f(x) at every step instead of the previous derivative, so every order gives the first derivative.",
        code=_EX2_HEAD + '''    for _ in range(n):
        y = f(x)
        derivative, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)
    return derivative
''',
        hint={"en": "differentiate f(x) again", "pt": "derivar f(x) de novo"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_forgot_grad_outputs",
        misconception="Called torch.autograd.grad on a vector without grad_outputs, as if it were a scalar.",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        derivative, = torch.autograd.grad(derivative, x, create_graph=True)
    return derivative
''',
        hint={"en": "needs grad_outputs", "pt": "precisa de grad_outputs"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_hard_coded_example_function",
        misconception="Wrote the example function 2x³ into the function instead of calling f, so it only works for the visible example.",
        code=_EX2_HEAD + '''    derivative = 2 * x**3
    for _ in range(n):
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True
        )
    return derivative
''',
        hint={"en": "the function it receives", "pt": "a função que recebe"},
    ),
    # ------------------------------------------------------------------ ex3
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_forgot_create_graph",
        misconception="Computed the gradient without create_graph=True, so its components cannot be differentiated.",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p)
    row_x, = torch.autograd.grad(gradient[0], p, retain_graph=True)
    row_y, = torch.autograd.grad(gradient[1], p)
    return torch.stack([row_x, row_y])
''',
        hint={"en": "has no graph", "pt": "não tem grafo"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_forgot_retain_graph",
        misconception="Differentiated the two components of the gradient one after the other without retain_graph=True: the first call frees the graph the second one needs.",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    row_x, = torch.autograd.grad(gradient[0], p)
    row_y, = torch.autograd.grad(gradient[1], p)
    return torch.stack([row_x, row_y])
''',
        hint={"en": "second time through the same graph", "pt": "segunda vez pelo mesmo grafo"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_grad_outputs_ones_on_gradient",
        misconception="Differentiated the whole gradient at once with grad_outputs of ones, believing it gives the Hessian: it gives the row sums H @ (1, 1).",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    hessian, = torch.autograd.grad(gradient, p, grad_outputs=torch.ones_like(gradient))
    return hessian
''',
        hint={"en": "row sums", "pt": "somas das linhas"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_returned_gradient",
        misconception="Stopped after the first level and returned the gradient, taking first derivatives for the Hessian.",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    return gradient
''',
        hint={"en": "this is the gradient", "pt": "isso é o gradiente"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_functional_hessian_of_two_inputs",
        misconception="Called torch.autograd.functional.hessian on a function of two separate inputs x and y and returned its tuple of tuples as the matrix.",
        code=_EX3_HEAD + '''    return torch.autograd.functional.hessian(lambda x, y: f(torch.stack([x, y])), (p[0], p[1]))
''',
        hint={"en": "returned a tuple", "pt": "devolveu uma tupla"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_hard_coded_visible_point",
        misconception="Worked out the Hessian by hand at the visible point (1, 0.5) and typed its numbers, so the answer is right only there.",
        code=_EX3_HEAD + '''    return torch.tensor([[3.4122, 5.4731], [5.4731, 1.6487]])
''',
        hint={"en": "only at the visible point", "pt": "só no ponto visível"},
    ),
]
