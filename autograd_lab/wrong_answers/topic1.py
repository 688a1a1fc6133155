"""Wrong answers to assignment 1 (the gradient of a dot product), as students type them."""

from autograd_lab.wrong_answers import WrongAnswer

# Exercise 2 asks for a prediction written by hand: no formula shortcut applies there.
PREDICTIONS = ("ex2",)

WRONG_ANSWERS = [
    # ------------------------------------------------------------ ex1: a gradient with autograd
    WrongAnswer(
        cell="ex1_answer",
        name="forgot_requires_grad",
        misconception="Thought autograd tracks every tensor, so called backward() on a y built from an x that does not require gradients.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    y = 3 * torch.dot(x, x) + x.sum()
    y.backward()
    return x.grad""",
        hint={"en": "autograd was not tracking x", "pt": "o autograd não estava rastreando x"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="read_grad_of_y",
        misconception="Read .grad of the output y instead of the input x, believing backward() stores the gradient on the tensor it is called on.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_(True)
    y = 3 * torch.dot(x, x) + x.sum()
    y.backward()
    return y.grad""",
        hint={"en": "not kept in y.grad", "pt": "não fica em y.grad"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="returned_x_instead_of_grad",
        misconception="Believed backward() replaces the values of x by the gradient, so returned x itself.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_(True)
    y = 3 * torch.dot(x, x) + x.sum()
    y.backward()
    return x""",
        hint={"en": "returned the tensor x itself", "pt": "devolveu o próprio tensor x"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="y_not_scalar",
        misconception="Wrote x * x for the dot product, so y is a vector and backward() cannot start without a gradient for each component.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_(True)
    y = 3 * x * x + x
    y.backward()
    return x.grad""",
        hint={"en": "y is a vector, not a number", "pt": "y é um vetor, não um número"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="transposed_1d_vector",
        misconception="Believed, as in the seed's notes ('x*x_T'), that the second x of a dot product must be transposed, and that x * x.T is the dot product; x.T of a 1-D tensor is x itself, so y is a vector.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_(True)
    y = 3 * x * x.T + x.sum()
    y.backward()
    return x.grad""",
        hint={"en": "x.T of a 1-D tensor is x itself", "pt": "x.T de um tensor 1-D é o próprio x"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="backward_twice",
        misconception="Ran the backward pass twice (keeping the graph the first time) to be sure it worked, not realising the second pass adds to x.grad.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_(True)
    y = 3 * torch.dot(x, x) + x.sum()
    y.backward(retain_graph=True)
    y.backward()
    return x.grad""",
        hint={"en": "accumulated over two backward passes", "pt": "se acumulou em duas retropropagações"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="typed_values",
        kind="literal",
        misconception="Ran the code once at [1, -2, 3] and returned the printed gradient.",
        code="""def gradient_of_y(x_values):
    return torch.tensor([7.0, -11.0, 19.0])""",
        hint={"en": "Numbers typed in", "pt": "Números digitados"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="zero_backward_then_typed",
        kind="literal",
        misconception="Ran a backward pass from a gradient of 0, so that one ran, then typed the printed gradient into x.grad.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_(True)
    y = 3 * torch.dot(x, x) + x.sum()
    y.backward(torch.tensor(0.0))
    x.grad = torch.tensor([7.0, -11.0, 19.0])
    return x.grad""",
        hint={"en": "did not start from dy/dy = 1", "pt": "não começou de dy/dy = 1"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="derivative_by_hand",
        kind="formula",
        misconception="Worked out the derivative 6x + 1 by hand instead of letting autograd compute it.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    return 6 * x + 1""",
        hint={"en": "worked out by hand", "pt": "calculada à mão"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="surrogate_with_hand_gradient",
        kind="formula",
        misconception="Built by hand a function whose gradient is the derivative worked out on paper, and ran the backward pass through it instead of through y.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_(True)
    z = 6 * (x * x.detach()).sum() + x.sum()  # its gradient is 6x + 1, like y's
    z.backward()
    return x.grad""",
        hint={"en": "started from a tensor that is not y", "pt": "começou de um tensor que não é y"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="used_autograd_grad",
        kind="shortcut",
        misconception="Computed the gradient with torch.autograd.grad, which returns it without storing it in x.grad, although the prompt asks for y.backward().",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_(True)
    y = 3 * torch.dot(x, x) + x.sum()
    gradient, = torch.autograd.grad(y, x)
    return gradient""",
        hint={"en": "another function", "pt": "outra função"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="finite_differences",
        kind="shortcut",
        misconception="Estimated the gradient with central differences instead of the backward pass.",
        code="""def gradient_of_y(x_values):
    x = torch.tensor(x_values, dtype=torch.float64)
    h = 1e-4

    def y_of(t):
        return 3 * torch.dot(t, t) + t.sum()

    return torch.stack([(y_of(x + h * e) - y_of(x - h * e)) / (2 * h) for e in torch.eye(3, dtype=torch.float64)])""",
        hint={"en": "finite differences", "pt": "diferenças finitas"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="object_equal_to_anything",
        kind="shortcut",
        misconception="Answered with an object that claims to be equal to anything, hoping the tests compare with ==.",
        code="""class Anything:
    def __eq__(self, other):
        return True


def gradient_of_y(x_values):
    return Anything()""",
        hint={"en": "should be a plain torch.Tensor", "pt": "deveria ser um torch.Tensor comum"},
    ),
    # ------------------------------------------------------------ ex2: predict the accumulated gradient
    WrongAnswer(
        cell="ex2_answer",
        name="last_backward_overwrites",
        misconception="Believed each backward() overwrites w.grad, so only the last call counts.",
        code="""def after_line_3(w):
    return torch.full_like(w, 3.0)


def after_line_6(w):
    return torch.ones_like(w)""",
        hint={"en": "as if each call replaced w.grad", "pt": "como se cada chamada substituísse w.grad"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="first_backward_sticks",
        misconception="Believed a gradient, once computed, is kept and later backward() calls do not change it.",
        code="""def after_line_3(w):
    return 2 * w


def after_line_6(w):
    return 2 * w""",
        hint={"en": "only the gradient of the first backward()", "pt": "só o gradiente do primeiro backward()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ignored_zero_grad",
        misconception="Knew that gradients accumulate but overlooked that w.grad.zero_() resets them.",
        code="""def after_line_3(w):
    return 2 * w + 3


def after_line_6(w):
    return 4 * w + 4""",
        hint={"en": "as if line 4 had no effect", "pt": "como se a linha 4 não tivesse efeito"},
        loses=("ex2_tests_after_line_6",),
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="dot_counts_one_path",
        misconception="Saw the computational graph as a tree, with one path from torch.dot(w, w) to w, so predicted the gradient w instead of 2w for the dot product.",
        code="""def after_line_3(w):
    return 2 * w + 3


def after_line_6(w):
    return w + 1""",
        hint={"en": "counts w only once in torch.dot(w, w)", "pt": "conta w uma vez só em torch.dot(w, w)"},
        loses=("ex2_tests_after_line_6",),
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="typed_numbers",
        kind="literal",
        misconception="Ran the six lines on the visible test's w and typed the printed gradients in.",
        code="""def after_line_3(w):
    return torch.tensor([4.0, 1.0, 7.0, 11.0])


def after_line_6(w):
    return torch.tensor([2.0, -1.0, 5.0, 9.0])""",
        hint={"en": "numbers typed in", "pt": "números digitados"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ran_the_lines",
        kind="shortcut",
        misconception="Ran the six lines with autograd inside the functions instead of predicting.",
        code="""def after_line_3(w):
    w = w.clone().requires_grad_(True)
    (w * w).sum().backward()
    (3 * w).sum().backward()
    return w.grad


def after_line_6(w):
    w = w.clone().requires_grad_(True)
    (w * w).sum().backward()
    (3 * w).sum().backward()
    w.grad.zero_()
    torch.dot(w, w).backward()
    w.sum().backward()
    return w.grad""",
        hint={"en": "computes with autograd instead of predicting", "pt": "calcula com o autograd em vez de prever"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="torch_func_grad",
        kind="shortcut",
        misconception="Let torch.func.grad compute each expression's gradient inside the functions, and added them up.",
        code="""def after_line_3(w):
    return torch.func.grad(lambda t: (t * t).sum())(w) + torch.func.grad(lambda t: (3 * t).sum())(w)


def after_line_6(w):
    return torch.func.grad(lambda t: torch.dot(t, t))(w) + torch.func.grad(lambda t: t.sum())(w)""",
        hint={"en": "computes with autograd instead of predicting", "pt": "calcula com o autograd em vez de prever"},
    ),
    # ------------------------------------------------------------ ex3: the gradient of any function at any point
    WrongAnswer(
        cell="ex3_answer",
        name="integer_tensor",
        misconception="Created the tensor without a floating-point dtype, so a list of integers gives an integer tensor that cannot require gradients.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, requires_grad=True)
    f(x).backward()
    return x.grad""",
        hint={"en": "a list of integers gives an integer tensor", "pt": "uma lista de inteiros dá um tensor de inteiros"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_x",
        misconception="Returned the tensor x after backward(), believing it now holds the gradient.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    f(x).backward()
    return x""",
        hint={"en": "returned the point x itself", "pt": "devolveu o próprio ponto x"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_grad_of_f",
        misconception="Returned .grad of the output f(x) instead of the input x.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    value = f(x)
    value.backward()
    return value.grad""",
        hint={"en": "only leaves keep their .grad", "pt": "só as folhas guardam o .grad"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="reused_tensor_accumulates",
        misconception="Created the tensor once, outside the function, and reused it at every call, so x.grad accumulates from one call to the next.",
        code="""x = None


def gradient_at(f, x_values):
    global x
    if x is None:  # create the tensor only once
        x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    f(x).backward()
    return x.grad""",
        hint={"en": "the gradients accumulate", "pt": "os gradientes se acumulam"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="non_leaf_x",
        misconception="Converted the tensor after creating it with requires_grad=True, not realising that the conversion is an operation: x is then not a leaf, and its .grad stays None.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float64, requires_grad=True).to(torch.float32)
    f(x).backward()
    return x.grad""",
        hint={"en": "not the result of an operation", "pt": "não o resultado de uma operação"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_autograd_grad_tuple",
        misconception="Returned what torch.autograd.grad returns, believing it is the gradient tensor, while it is a tuple with one gradient per input.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    return torch.autograd.grad(f(x), x)""",
        hint={"en": "one gradient per input, in a tuple", "pt": "um gradiente por entrada, numa tupla"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="zeroed_before_first_backward",
        misconception="Reset the gradient with x.grad.zero_() before the first backward pass, just in case, not knowing that x.grad is still None then.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    x.grad.zero_()  # start from zero, just in case
    f(x).backward()
    return x.grad""",
        hint={"en": "a gradient that is still None", "pt": "um gradiente que ainda é None"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="hard_coded_value",
        kind="literal",
        misconception="Ran the example f at [1, 2, 3] once and returned the printed gradient instead of computing it.",
        code="""def gradient_at(f, x_values):
    return torch.tensor([26.0, 38.0, 50.0])""",
        hint={"en": "Numbers typed in", "pt": "Números digitados"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="derivative_by_hand_keeps_graph",
        kind="formula",
        misconception="Worked out by hand the gradient of the prompt's example, torch.dot(x, x) * x.sum(), and returned it for every f.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    return 2 * x * x.sum() + torch.dot(x, x)""",
        hint={"en": "worked out by hand", "pt": "calculada à mão"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="lecture_snippet",
        kind="shortcut",
        misconception="Pasted the lecture's cell, which differentiates y = 2 * torch.dot(x, x), without using f.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    y = 2 * torch.dot(x, x)
    y.backward()
    return x.grad""",
        hint={"en": "another function (the lecture's)", "pt": "outra função (a da aula)"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="finite_differences_of_f",
        kind="shortcut",
        misconception="Estimated the gradient with central differences of f instead of autograd.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float64)
    h = 1e-6
    return torch.stack([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in torch.eye(len(x_values), dtype=torch.float64)])""",
        hint={"en": "finite differences", "pt": "diferenças finitas"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="finite_differences_with_decoy_backward",
        kind="shortcut",
        misconception="Estimated the gradient with central differences and ran a backward pass on an unrelated tensor, to look as if autograd had done it.",
        code="""def gradient_at(f, x_values):
    torch.zeros(1, requires_grad=True).sum().backward()  # so that a backward pass runs
    x = torch.tensor(x_values, dtype=torch.float64)
    h = 1e-6
    return torch.stack([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in torch.eye(len(x_values), dtype=torch.float64)])""",
        hint={"en": "a backward pass on an unrelated tensor does not count",
              "pt": "uma retropropagação num tensor sem relação não vale"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="forward_mode_after_backward",
        kind="shortcut",
        misconception="Ran the backward pass through f so that one ran, then computed the gradient one component at a time in forward mode (dual numbers), which the prompt does not ask for.",
        code="""def gradient_at(f, x_values):
    import torch.autograd.forward_ad as fwAD

    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    f(x).backward()
    components = []
    for e in torch.eye(len(x_values)):
        with fwAD.dual_level():
            value = f(fwAD.make_dual(x.detach(), e))
            components.append(fwAD.unpack_dual(value).tangent)
    return torch.stack(components)""",
        hint={"en": "took derivatives in forward mode", "pt": "calculou derivadas no modo direto"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="finite_differences_after_backward",
        kind="shortcut",
        misconception="Ran the backward pass through f as asked, then returned central differences instead of what it stored, believing the two are the same.",
        code="""def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float64, requires_grad=True)
    f(x).backward()
    h = 1e-6
    with torch.no_grad():
        return torch.stack([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in torch.eye(len(x_values), dtype=torch.float64)])""",
        hint={"en": "by finite differences or a formula", "pt": "por diferenças finitas ou por uma fórmula"},
    ),
]

# Other correct answers, each of which must get full marks.
RIGHT_ANSWERS = {
    "ex1_autograd_backward_and_matmul": ("ex1_answer", """def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x.requires_grad_()
    y = 3 * (x @ x) + torch.sum(x)
    torch.autograd.backward(y)
    return x.grad"""),
    "ex1_double_precision": ("ex1_answer", """def gradient_of_y(x_values):
    x = torch.tensor(x_values)
    x = x.double().requires_grad_(True)
    y = 3 * (x * x).sum() + x.sum()
    y.backward(torch.tensor(1.0, dtype=torch.float64))
    return x.grad"""),
    "ex2_other_forms": ("ex2_answer", """def after_line_3(w):
    return w + w + torch.full_like(w, 3.0)


def after_line_6(w):
    return 2.0 * w + torch.ones_like(w)"""),
    "ex3_autograd_grad": ("ex3_answer", """def gradient_at(f, x_values):
    x = torch.tensor([float(v) for v in x_values], requires_grad=True)
    gradient, = torch.autograd.grad(f(x), x)
    return gradient"""),
    "ex3_float64_and_none_reset": ("ex3_answer", """def gradient_at(f, x_values):
    x = torch.tensor(x_values, dtype=torch.float64, requires_grad=True)
    x.grad = None
    value = f(x)
    value.backward()
    return x.grad.detach()"""),
}
