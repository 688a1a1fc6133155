"""Wrong answers to assignment 3 (partial derivatives of a two-variable function)."""

from autograd_lab.wrong_answers import WrongAnswer

WRONG_ANSWERS = [
    # ------------------------------------------------------------------ ex1
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_math_exp",
        misconception="Wrote e^x2 with math.exp, which only takes Python numbers, on a tensor of three values.",
        code="""x1 = torch.tensor([1.0, 2.0, -1.5], requires_grad=True)
x2 = torch.tensor([0.0, -1.0, 0.5], requires_grad=True)
g = x1**2 * x2 + 2 * math.exp(x2)
g.sum().backward()
dg_dx1 = x1.grad
dg_dx2 = x2.grad
""",
        hint={"en": "math.exp received a tensor", "pt": "math.exp recebeu um tensor"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_backward_on_vector",
        misconception="Called backward() directly on g, a vector with one value per point, instead of on its sum.",
        code="""x1 = torch.tensor([1.0, 2.0, -1.5], requires_grad=True)
x2 = torch.tensor([0.0, -1.0, 0.5], requires_grad=True)
g = x1**2 * x2 + 2 * torch.exp(x2)
g.backward()
dg_dx1 = x1.grad
dg_dx2 = x2.grad
""",
        hint={"en": "you called backward() on the vector g", "pt": "você chamou backward() no vetor g"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_swapped_partials",
        misconception="Thought x1.grad holds the derivative with respect to the other variable, and swapped the partials.",
        code="""x1 = torch.tensor([1.0, 2.0, -1.5], requires_grad=True)
x2 = torch.tensor([0.0, -1.0, 0.5], requires_grad=True)
g = x1**2 * x2 + 2 * torch.exp(x2)
g.sum().backward()
dg_dx1 = x2.grad
dg_dx2 = x1.grad
""",
        hint={"en": "swapped", "pt": "trocados"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_one_backward_per_partial",
        misconception="Believed each partial derivative needs its own backward() and ran it twice, so the gradients accumulated.",
        code="""x1 = torch.tensor([1.0, 2.0, -1.5], requires_grad=True)
x2 = torch.tensor([0.0, -1.0, 0.5], requires_grad=True)
g = x1**2 * x2 + 2 * torch.exp(x2)
g.sum().backward()
dg_dx1 = x1.grad
g = x1**2 * x2 + 2 * torch.exp(x2)
g.sum().backward()
dg_dx2 = x2.grad
""",
        hint={"en": "accumulated", "pt": "acumulou"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_worked_out_by_hand",
        misconception="Worked the partial derivatives out by hand and typed their values instead of using autograd.",
        code="""x1 = torch.tensor([1.0, 2.0, -1.5], requires_grad=True)
x2 = torch.tensor([0.0, -1.0, 0.5], requires_grad=True)
g = x1**2 * x2 + 2 * torch.exp(x2)
dg_dx1 = torch.tensor([0.0, -4.0, -1.5])
dg_dx2 = torch.tensor([3.0, 4.0 + 2 * math.exp(-1.0), 2.25 + 2 * math.exp(0.5)])
""",
        hint={"en": "by hand", "pt": "à mão"},
    ),
    # ------------------------------------------------------------------ ex2
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_math_exp",
        misconception="Used math.exp for e^x2, as if it worked on tensors like torch.exp.",
        code="""def gradient_of_f(x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    f = 3 * x1**2 + 5 * math.exp(x2)
    f.sum().backward()
    return torch.stack([x1.grad, x2.grad])
""",
        hint={"en": "math.exp cannot take a tensor", "pt": "math.exp não aceita um tensor"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_rows_swapped",
        misconception="Stacked the partial derivatives in the wrong order, ∂f/∂x2 first.",
        code="""def gradient_of_f(x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    f = 3 * x1**2 + 5 * torch.exp(x2)
    f.sum().backward()
    return torch.stack([x2.grad, x1.grad])
""",
        hint={"en": "wrong order", "pt": "ordem errada"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_stacked_along_dim1",
        misconception="Stacked along dim=1, one row per point, instead of one row per partial derivative.",
        code="""def gradient_of_f(x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    f = 3 * x1**2 + 5 * torch.exp(x2)
    f.sum().backward()
    return torch.stack([x1.grad, x2.grad], dim=1)
""",
        hint={"en": "dim=1", "pt": "dim=1"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_derivative_by_hand_missing_factor_2",
        misconception="Differentiated by hand and forgot the factor 2 of the square: wrote 3·x1 for the derivative of 3·x1².",
        code="""def gradient_of_f(x1, x2):
    return torch.stack([3 * x1, 5 * torch.exp(x2)])
""",
        hint={"en": "factor 2", "pt": "fator 2"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_arguments_require_grad",
        misconception="Made the caller's tensors require grad instead of copies, so their .grad accumulates from call to call.",
        code="""def gradient_of_f(x1, x2):
    x1.requires_grad_(True)
    x2.requires_grad_(True)
    f = 3 * x1**2 + 5 * torch.exp(x2)
    f.sum().backward()
    return torch.stack([x1.grad, x2.grad])
""",
        hint={"en": "accumulated", "pt": "acumulou"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_hard_coded_visible_values",
        misconception="Returned the values expected by the visible test instead of computing the gradient from the arguments.",
        code="""def gradient_of_f(x1, x2):
    return torch.tensor([[-6.0, 0.0, 6.0, 12.0], [5.0, 8.2436, 1.8394, 13.5914]])
""",
        hint={"en": "fixed values", "pt": "valores fixos"},
    ),
    # ------------------------------------------------------------------ ex3
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_kept_math_exp",
        misconception="Fixed only the crash on several points and kept math.exp, which silently turns a one-element tensor into a constant float.",
        code="""def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
    h = p1 * p2 + 4 * math.exp(p2)
    h.sum().backward()
    return p1.grad, p2.grad
""",
        hint={"en": "math.exp turned it into a Python float", "pt": "math.exp o transformou num float"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_kept_backward_on_vector",
        misconception="Replaced math.exp but kept h.backward(), which needs a scalar and fails as soon as there are several points.",
        code="""def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
    h = p1 * p2 + 4 * torch.exp(p2)
    h.backward()
    return p1.grad, p2.grad
""",
        hint={"en": "h holds one value per point", "pt": "h tem um valor por ponto"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_mean_instead_of_sum",
        misconception="Reduced h with mean(), as for a loss, which divides every point's derivative by the number of points.",
        code="""def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
    h = p1 * p2 + 4 * torch.exp(p2)
    h.mean().backward()
    return p1.grad, p2.grad
""",
        hint={"en": "h.mean() divides", "pt": "h.mean() divide"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_ones_of_len",
        misconception="Passed gradient=torch.ones(len(h)), which fails for a single point because a 0-d tensor has no length.",
        code="""def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
    h = p1 * p2 + 4 * torch.exp(p2)
    h.backward(torch.ones(len(h)))
    return p1.grad, p2.grad
""",
        hint={"en": "0-d tensor, which has no length", "pt": "tensor 0-d, que não tem comprimento"},
    ),
]
