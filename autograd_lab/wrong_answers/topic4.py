"""Wrong answers of assignment 4 (stopping gradients with detach())."""

from autograd_lab.wrong_answers import WrongAnswer

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
        hint={"en": "u = y.detach() is a constant", "pt": "u = y.detach() é uma constante"},
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
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="hard_coded_visible_values",
        misconception="Ran the computation for x = [1, 2, 3] and returned those numbers instead of a formula in x.",
        code='''def grad_with_detach(x):
    return torch.tensor([3.0, 8.0, 15.0])


def grad_without_detach(x):
    return torch.tensor([5.0, 16.0, 33.0])
''',
        hint={"en": "hard-code", "pt": "direto no código"},
    ),
    # ------------------------------------------------------------------ ex2
    WrongAnswer(
        cell="ex2_answer",
        name="forgot_to_detach_the_target",
        misconception="Let the gradient flow into the target, which is then pulled towards the prediction and cancels most of the step.",
        code='''def fixed_target_loss(w):
    target = 1 + 0.9 * w
    return ((w - target) ** 2).sum()
''',
        hint={"en": "10 times too small", "pt": "10 vezes menor"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="detached_the_prediction",
        misconception="Detached w (the prediction) instead of the target, so only the target receives gradient.",
        code='''def fixed_target_loss(w):
    target = 1 + 0.9 * w
    return ((w.detach() - target) ** 2).sum()
''',
        hint={"en": "You detached w", "pt": "Você desconectou w"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="no_grad_around_everything",
        misconception="Used torch.no_grad() to stop the gradient of the target, but wrapped the whole loss, so nothing is recorded.",
        code='''def fixed_target_loss(w):
    with torch.no_grad():
        target = 1 + 0.9 * w
        loss = ((w - target) ** 2).sum()
    return loss
''',
        hint={"en": "torch.no_grad()", "pt": "torch.no_grad()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="returned_a_float",
        misconception="Returned loss.item(), a Python number, believing it is the same as the loss tensor.",
        code='''def fixed_target_loss(w):
    target = (1 + 0.9 * w).detach()
    return ((w - target) ** 2).sum().item()
''',
        hint={"en": ".item()", "pt": ".item()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="mean_instead_of_sum",
        misconception="Averaged the squared errors (the usual MSE) where the loss asks for their sum.",
        code='''def fixed_target_loss(w):
    target = (1 + 0.9 * w).detach()
    return ((w - target) ** 2).mean()
''',
        hint={"en": "instead of .mean()", "pt": "em vez de .mean()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="backward_inside_the_function",
        misconception="Called backward() inside the loss function, so the caller's backward() adds to an already filled w.grad.",
        code='''def fixed_target_loss(w):
    target = (1 + 0.9 * w).detach()
    loss = ((w - target) ** 2).sum()
    loss.backward()
    return loss
''',
        hint={"en": "do not call backward() inside the function", "pt": "não chame backward() dentro da função"},
    ),
    # ------------------------------------------------------------------ ex3
    WrongAnswer(
        cell="ex3_answer",
        name="detach_is_not_a_copy",
        misconception="Believed y.detach() is an independent copy, so changing it in place cannot affect y.",
        code='''x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2
z = (y * y).sum()
y_doubled = y.detach()
y_doubled.mul_(2)
z.backward()
x_grad = x.grad
''',
        hint={"en": "x_grad is not defined", "pt": "x_grad não foi definido"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="backward_first",
        misconception="Moved z.backward() before the in-place change to silence the error, not seeing that y itself is doubled.",
        code='''x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2
z = (y * y).sum()
z.backward()
y_doubled = y.detach()
y_doubled.mul_(2)
x_grad = x.grad
''',
        hint={"en": "y was doubled too", "pt": "y também foi dobrado"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="used_data",
        misconception="Replaced detach() by .data, which silences the error but lets autograd use the modified y.",
        code='''x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2
z = (y * y).sum()
y_doubled = y.data
y_doubled.mul_(2)
z.backward()
x_grad = x.grad
''',
        hint={"en": "y.data", "pt": "y.data"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="clone_without_detach",
        misconception="Used clone() alone for the copy: separate memory, but still in the graph and still requiring grad.",
        code='''x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2
z = (y * y).sum()
y_doubled = y.clone()
y_doubled.mul_(2)
z.backward()
x_grad = x.grad
''',
        hint={"en": "still requires grad", "pt": "ainda exige gradiente"},
    ),
]
