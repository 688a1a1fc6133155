"""Wrong answers of assignment 4 (stopping gradients with detach())."""

from autograd_lab.wrong_answers import WrongAnswer

# Exercise 1 is a prediction: the two formulas are written by hand, without autograd.
PREDICTIONS = ("ex1",)

WRONG_ANSWERS = [
    # ------------------------------------------------------------------ ex1
    WrongAnswer(
        cell="ex1_answer",
        name="swapped_with_and_without",
        misconception="Believed detach() adds a path, so the version with detach() has the bigger gradient.",
        code='''def grad_with_detach(x):
    return 3 * x**2 + 2 * x


def grad_without_detach(x):
    return x**2 + 2 * x
''',
        hint={"en": "answers are swapped", "pt": "respostas estão trocadas"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="detach_removes_the_term",
        misconception="Believed a detached factor makes the whole product u * x vanish from the gradient, instead of acting as a constant.",
        code='''def grad_with_detach(x):
    return 2 * x


def grad_without_detach(x):
    return 3 * x**2 + 2 * x
''',
        hint={"en": "as a constant", "pt": "como uma constante"},
        loses=("ex1_tests_with_detach",),
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="detach_cuts_the_graph_of_y",
        misconception="Believed y.detach() detaches y itself, so the term y no longer depends on x.",
        code='''def grad_with_detach(x):
    return x**2


def grad_without_detach(x):
    return 3 * x**2 + 2 * x
''',
        hint={"en": "leaves the graph of y intact", "pt": "deixa o grafo de y intacto"},
        loses=("ex1_tests_with_detach",),
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ignored_the_detach",
        misconception="Treated y.detach() like y: the detached value still carries its dependence on x.",
        code='''def grad_with_detach(x):
    return 3 * x**2 + 2 * x


def grad_without_detach(x):
    return 3 * x**2 + 2 * x
''',
        hint={"en": "the gradient without detach()", "pt": "o gradiente sem detach()"},
        loses=("ex1_tests_with_detach",),
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="product_rule_one_term",
        misconception="Differentiated y * x through y only (2x times x), forgetting the direct path of the product rule.",
        code='''def grad_with_detach(x):
    return x**2 + 2 * x


def grad_without_detach(x):
    return 2 * x**2 + 2 * x
''',
        hint={"en": "product rule", "pt": "regra do produto"},
        loses=("ex1_tests_without_detach",),
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="copied_printed_numbers",
        kind="literal",
        misconception="Ran the computation with autograd for x = [1, 2, 3] and returned the printed x.grad instead of a formula in x.",
        code='''def grad_with_detach(x):
    return torch.tensor([3.0, 8.0, 15.0])


def grad_without_detach(x):
    return torch.tensor([5.0, 16.0, 33.0])
''',
        hint={"en": "same numbers for two different x", "pt": "mesmos números para dois x diferentes"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="backward_inside_the_prediction",
        kind="shortcut",
        misconception="Let autograd do the prediction: runs the computation and its backward() inside each function.",
        code='''def grad_with_detach(x):
    x = x.clone().requires_grad_(True)
    y = x**2
    z = y.detach() * x + y
    z.sum().backward()
    return x.grad


def grad_without_detach(x):
    x = x.clone().requires_grad_(True)
    y = x**2
    z = y * x + y
    z.sum().backward()
    return x.grad
''',
        hint={"en": "started a backward pass", "pt": "iniciou uma retropropagação"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="torch_func_grad",
        kind="shortcut",
        misconception="Let torch.func.grad do the prediction, as if an API other than backward() were not autograd.",
        code='''def grad_with_detach(x):
    return torch.func.grad(lambda t: ((t**2).detach() * t + t**2).sum())(x)


def grad_without_detach(x):
    return torch.func.grad(lambda t: (t**2 * t + t**2).sum())(x)
''',
        hint={"en": "called from torch.func", "pt": "chamada por torch.func"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="forward_mode_jvp",
        kind="shortcut",
        misconception="Let forward-mode autograd (torch.func.jvp with a tangent of ones) do the prediction.",
        code='''def grad_with_detach(x):
    return torch.func.jvp(lambda t: (t**2).detach() * t + t**2, (x,), (torch.ones_like(x),))[1]


def grad_without_detach(x):
    return torch.func.jvp(lambda t: t**2 * t + t**2, (x,), (torch.ones_like(x),))[1]
''',
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="finite_differences",
        kind="shortcut",
        misconception="Estimated both derivatives with central differences of the computation, which cannot see detach().",
        code='''def grad_with_detach(x):
    h = 1e-5
    z = lambda t: (t**2).detach() * t + t**2
    return (z(x + h) - z(x - h)) / (2 * h)


def grad_without_detach(x):
    h = 1e-5
    z = lambda t: t**2 * t + t**2
    return (z(x + h) - z(x - h)) / (2 * h)
''',
        hint={"en": "finite differences", "pt": "diferenças finitas"},
    ),
    # ------------------------------------------------------------------ ex2
    WrongAnswer(
        cell="ex2_answer",
        name="forgot_to_detach_the_target",
        misconception="Let the gradient flow into the target, which is then pulled towards the prediction and cancels part of the step.",
        code='''def fixed_target_loss(w, target_of):
    target = target_of(w)
    return ((w - target) ** 2).sum()
''',
        hint={"en": "a gradient reached the target", "pt": "um gradiente chegou ao alvo"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="detached_the_prediction",
        misconception="Detached w (the prediction) instead of the target, so only the target receives gradient.",
        code='''def fixed_target_loss(w, target_of):
    target = target_of(w)
    return ((w.detach() - target) ** 2).sum()
''',
        hint={"en": "the prediction w itself was cut", "pt": "a própria previsão w foi cortada"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="detached_the_input_of_the_rule",
        misconception="Detached w before handing it to the rule, believing that stops the gradient into the target; the rule's own parameters still receive it.",
        code='''def fixed_target_loss(w, target_of):
    target = target_of(w.detach())
    return ((w - target) ** 2).sum()
''',
        hint={"en": "the rule's own parameters", "pt": "os próprios parâmetros da regra"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="no_grad_around_everything",
        misconception="Used torch.no_grad() to stop the gradient of the target, but wrapped the whole loss, so nothing is recorded.",
        code='''def fixed_target_loss(w, target_of):
    with torch.no_grad():
        target = target_of(w)
        loss = ((w - target) ** 2).sum()
    return loss
''',
        hint={"en": "torch.no_grad()", "pt": "torch.no_grad()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="returned_a_float",
        misconception="Returned loss.item(), a Python number, believing it is the same as the loss tensor.",
        code='''def fixed_target_loss(w, target_of):
    target = target_of(w).detach()
    return ((w - target) ** 2).sum().item()
''',
        hint={"en": ".item()", "pt": ".item()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="mean_instead_of_sum",
        misconception="Averaged the squared errors (the usual MSE) where the loss asks for their sum.",
        code='''def fixed_target_loss(w, target_of):
    target = target_of(w).detach()
    return ((w - target) ** 2).mean()
''',
        hint={"en": "mean of the squares", "pt": "média dos quadrados"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="backward_inside_the_function",
        misconception="Called backward() inside the loss function, so the caller's backward() adds to an already filled w.grad.",
        code='''def fixed_target_loss(w, target_of):
    target = target_of(w).detach()
    loss = ((w - target) ** 2).sum()
    loss.backward()
    return loss
''',
        hint={"en": "started a backward pass itself", "pt": "iniciou ela mesma uma retropropagação"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="typed_in_the_targets",
        kind="literal",
        misconception="Printed the targets of the visible example (w = [0, 5, 20], t = 1 + 0.9w) and typed them in as a constant.",
        code='''def fixed_target_loss(w, target_of):
    target = torch.tensor([1.0, 5.5, 19.0], dtype=torch.float64)
    return ((w - target) ** 2).sum()
''',
        hint={"en": "never called target_of", "pt": "nunca chamou target_of"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="gradient_planted_by_hand",
        kind="formula",
        misconception="Worked out dL/dw = 2(w - t) by hand and built a loss whose gradient is that formula, not the loss L itself.",
        code='''def fixed_target_loss(w, target_of):
    target = target_of(w).detach()
    return (2 * (w - target).detach() * w).sum()
''',
        hint={"en": "the sum of (w - t) ** 2", "pt": "a soma de (w - t) ** 2"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="lecture_cell_pasted",
        kind="shortcut",
        misconception="Pasted the lecture's cell (target 1 + 0.9 * w, no sum) into the function, ignoring target_of.",
        code='''def fixed_target_loss(w, target_of):
    target = 1 + 0.9 * w
    loss = (w - target.detach()) ** 2
    return loss
''',
        hint={"en": "should have shape ()", "pt": "deveria ter o formato ()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="lecture_rule_hard_coded",
        kind="shortcut",
        misconception="Kept the lecture's rule t = 1 + 0.9w written into the function instead of the rule passed as target_of.",
        code='''def fixed_target_loss(w, target_of):
    target = (1 + 0.9 * w).detach()
    return ((w - target) ** 2).sum()
''',
        hint={"en": "never called target_of", "pt": "nunca chamou target_of"},
    ),
    # ------------------------------------------------------------------ ex3
    WrongAnswer(
        cell="ex3_answer",
        name="detach_is_not_a_copy",
        misconception="Believed y.detach() is an independent copy, so changing it in place cannot affect y.",
        code='''def grad_and_doubled(x, f):
    y = f(x)
    z = (y * y).sum()
    y_doubled = y.detach()
    y_doubled.mul_(2)
    z.backward()
    return x.grad, y_doubled
''',
        hint={"en": "version counter went from 0 to 1", "pt": "contador de versão passou de 0 para 1"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="backward_first",
        misconception="Moved z.backward() before the in-place change to silence the error, not seeing that y itself is doubled.",
        code='''def grad_and_doubled(x, f):
    y = f(x)
    z = (y * y).sum()
    z.backward()
    y_doubled = y.detach()
    y_doubled.mul_(2)
    return x.grad, y_doubled
''',
        hint={"en": "shares its memory with y", "pt": "compartilha a memória com y"},
        loses=("ex3_tests_doubled",),
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="used_data",
        misconception="Replaced detach() by .data, which silences the error but lets autograd use the modified y.",
        code='''def grad_and_doubled(x, f):
    y = f(x)
    z = (y * y).sum()
    y_doubled = y.data
    y_doubled.mul_(2)
    z.backward()
    return x.grad, y_doubled
''',
        hint={"en": "the version counter did not notice", "pt": "o contador de versão não percebeu"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="clone_without_detach",
        misconception="Used clone() alone for the copy: separate memory, but still in the graph and still requiring grad.",
        code='''def grad_and_doubled(x, f):
    y = f(x)
    z = (y * y).sum()
    y_doubled = y.clone()
    y_doubled.mul_(2)
    z.backward()
    return x.grad, y_doubled
''',
        hint={"en": "still part of the computational graph", "pt": "ainda faz parte do grafo computacional"},
        loses=("ex3_tests_doubled",),
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="numpy_copy",
        misconception="Kept the constant copy as a NumPy array, believing it is the same as a tensor with no graph.",
        code='''def grad_and_doubled(x, f):
    y = f(x)
    z = (y * y).sum()
    y_doubled = y.detach().numpy() * 2
    z.backward()
    return x.grad, y_doubled
''',
        hint={"en": "numpy.ndarray", "pt": "numpy.ndarray"},
        loses=("ex3_tests_doubled",),
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="copied_printed_results",
        kind="literal",
        misconception="Ran the fixed code for the example (x = [1, 2, 3], f = t ** 2) and returned the printed tensors.",
        code='''def grad_and_doubled(x, f):
    return torch.tensor([4.0, 32.0, 108.0]), torch.tensor([2.0, 8.0, 18.0])
''',
        hint={"en": "never called f", "pt": "nunca chamou f"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="gradient_by_hand",
        kind="formula",
        misconception="Fixed the copy, then replaced z.backward() by the derivative worked out by hand for the example f(t) = t ** 2.",
        code='''def grad_and_doubled(x, f):
    y = f(x)
    z = (y * y).sum()
    y_doubled = y.detach().clone()
    y_doubled.mul_(2)
    return 4 * x.detach() ** 3, y_doubled
''',
        hint={"en": "started no backward pass", "pt": "não iniciou nenhuma retropropagação"},
        loses=("ex3_tests_grad",),
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="finite_differences_for_the_gradient",
        kind="shortcut",
        misconception="Fixed the copy, then estimated the gradient of z with central differences instead of calling z.backward().",
        code='''def grad_and_doubled(x, f):
    y = f(x)
    y_doubled = y.detach().clone()
    y_doubled.mul_(2)
    h = 1e-6
    with torch.no_grad():
        x_grad = (f(x + h) ** 2 - f(x - h) ** 2) / (2 * h)
    return x_grad, y_doubled
''',
        hint={"en": "started no backward pass", "pt": "não iniciou nenhuma retropropagação"},
        loses=("ex3_tests_grad",),
    ),
]

# Other correct answers, each of which must get full marks.
RIGHT_ANSWERS = {
    "ex1_factored": ("ex1_answer", """def grad_with_detach(x):
    return x * (x + 2)


def grad_without_detach(x):
    return x * (3 * x + 2)"""),
    "ex2_no_grad_target": ("ex2_answer", """def fixed_target_loss(w, target_of):
    with torch.no_grad():
        target = target_of(w)
    return torch.nn.functional.mse_loss(w, target, reduction="sum")"""),
    "ex2_inference_mode_target": ("ex2_answer", """def fixed_target_loss(w, target_of):
    with torch.inference_mode():
        target = target_of(w)
    return ((w - target.clone()) ** 2).sum()"""),
    "ex3_copy_out_of_place": ("ex3_answer", """def grad_and_doubled(x, f):
    y = f(x)
    z = (y * y).sum()
    with torch.no_grad():
        y_doubled = y * 2
    z.backward()
    return x.grad, y_doubled"""),
    "ex3_detach_then_multiply": ("ex3_answer", """def grad_and_doubled(x, f):
    y = f(x)
    z = (y * y).sum()
    y_doubled = 2 * y.detach()
    z.backward()
    return x.grad, y_doubled"""),
}
