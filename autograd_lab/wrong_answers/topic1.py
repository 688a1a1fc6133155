"""Wrong answers to assignment 1 (the gradient of a dot product), as students type them."""

from autograd_lab.wrong_answers import WrongAnswer

WRONG_ANSWERS = [
    # ------------------------------------------------------------ ex1: a gradient with autograd
    WrongAnswer(
        cell="ex1_answer",
        name="forgot_requires_grad",
        misconception="Thought autograd tracks every tensor, so called backward() on a y built from an x that does not require gradients.",
        code="""x = torch.tensor([1.0, -2.0, 3.0])
y = 3 * torch.dot(x, x) + x.sum()
y.backward()
x_grad = x.grad""",
        hint={"en": "x does not require gradients", "pt": "x não exige gradientes"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="derivative_by_hand",
        misconception="Worked out the derivative 6x + 1 by hand instead of letting autograd compute it.",
        code="""x = torch.tensor([1.0, -2.0, 3.0])
x_grad = 6 * x + 1""",
        hint={"en": "computed by hand", "pt": "calculada à mão"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="read_grad_of_y",
        misconception="Read .grad of the output y instead of the input x, believing backward() stores the gradient on the tensor it is called on.",
        code="""x = torch.tensor([1.0, -2.0, 3.0])
x.requires_grad_(True)
y = 3 * torch.dot(x, x) + x.sum()
y.backward()
x_grad = y.grad""",
        hint={"en": "not in y.grad", "pt": "não em y.grad"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="stored_x_instead_of_grad",
        misconception="Believed backward() replaces the values of x by the gradient, so stored x itself.",
        code="""x = torch.tensor([1.0, -2.0, 3.0])
x.requires_grad_(True)
y = 3 * torch.dot(x, x) + x.sum()
y.backward()
x_grad = x""",
        hint={"en": "values of x itself", "pt": "valores do próprio x"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="used_autograd_grad",
        misconception="Computed the gradient with torch.autograd.grad, which returns it without filling x.grad, although the prompt asks for y.backward().",
        code="""x = torch.tensor([1.0, -2.0, 3.0])
x.requires_grad_(True)
y = 3 * torch.dot(x, x) + x.sum()
x_grad, = torch.autograd.grad(y, x)""",
        hint={"en": "another function", "pt": "outra função"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="y_not_scalar",
        misconception="Wrote x * x for the dot product, so y is a vector and backward() cannot start without a gradient for each component.",
        code="""x = torch.tensor([1.0, -2.0, 3.0])
x.requires_grad_(True)
y = 3 * x * x + x
y.backward()
x_grad = x.grad""",
        hint={"en": "y is not a scalar", "pt": "y não é um escalar"},
    ),
    # ------------------------------------------------------------ ex2: predict the accumulated gradient
    WrongAnswer(
        cell="ex2_answer",
        name="last_backward_overwrites",
        misconception="Believed each backward() overwrites w.grad, so only the last call counts.",
        code="""grad_after_two = torch.tensor([3.0, 3.0, 3.0])
grad_final = torch.tensor([1.0, 1.0, 1.0])""",
        hint={"en": "only the last backward()", "pt": "só o último backward()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="first_backward_sticks",
        misconception="Believed a gradient, once computed, is kept and later backward() calls do not change it.",
        code="""grad_after_two = torch.tensor([2.0, -2.0, 4.0])
grad_final = torch.tensor([2.0, -2.0, 4.0])""",
        hint={"en": "only the first backward()", "pt": "só o primeiro backward()"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ignored_zero_grad",
        misconception="Knew that gradients accumulate but overlooked that w.grad.zero_() resets them.",
        code="""grad_after_two = torch.tensor([5.0, 1.0, 7.0])
grad_final = torch.tensor([8.0, 0.0, 12.0])""",
        hint={"en": "w.grad.zero_(), reset w.grad", "pt": "w.grad.zero_(), zerou w.grad"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="integer_tensors",
        misconception="Wrote the right numbers as integers, not realising that gradients are floating-point tensors.",
        code="""grad_after_two = torch.tensor([5, 1, 7])
grad_final = torch.tensor([3, -1, 5])""",
        hint={"en": "gradients are always floating-point", "pt": "gradientes são sempre tensores de ponto flutuante"},
    ),
    # ------------------------------------------------------------ ex3: the gradient at any point
    WrongAnswer(
        cell="ex3_answer",
        name="integer_tensor",
        misconception="Created the tensor without a floating-point dtype, so a list of integers gives an integer tensor that cannot require gradients.",
        code="""def gradient_at(x_values):
    x = torch.tensor(x_values, requires_grad=True)
    f = torch.dot(x, x) * x.sum()
    f.backward()
    return x.grad""",
        hint={"en": "a list of integers gives an integer tensor", "pt": "uma lista de inteiros dá um tensor de inteiros"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_x",
        misconception="Returned the tensor x after backward(), believing it now holds the gradient.",
        code="""def gradient_at(x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    f = torch.dot(x, x) * x.sum()
    f.backward()
    return x""",
        hint={"en": "returned the point x itself", "pt": "devolveu o próprio ponto x"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="hard_coded_visible_value",
        misconception="Returned the value expected by the visible test instead of computing the gradient.",
        code="""def gradient_at(x_values):
    return torch.tensor([26.0, 38.0, 50.0])""",
        hint={"en": "seems hard-coded", "pt": "escrito diretamente no código"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="derivative_by_hand_keeps_graph",
        misconception="Wrote the derivative by hand from a tensor that requires gradients, returning a tensor that still carries a graph.",
        code="""def gradient_at(x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    return 2 * x * x.sum() + torch.dot(x, x)""",
        hint={"en": "carries a computational graph", "pt": "carrega um grafo computacional"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_grad_of_f",
        misconception="Returned .grad of the output f instead of the input x.",
        code="""def gradient_at(x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    f = torch.dot(x, x) * x.sum()
    f.backward()
    return f.grad""",
        hint={"en": "returned None", "pt": "devolveu None"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="reused_tensor_accumulates",
        misconception="Created the tensor once, outside the function, and reused it at every call, so x.grad accumulates from one call to the next.",
        code="""x = None


def gradient_at(x_values):
    global x
    if x is None:  # create the tensor only once
        x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    f = torch.dot(x, x) * x.sum()
    f.backward()
    return x.grad""",
        hint={"en": "gradients accumulate", "pt": "os gradientes se acumulam"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="non_leaf_x",
        misconception="Converted the tensor after creating it with requires_grad=True, not realising that the conversion is an operation: x is then not a leaf, and its .grad stays None.",
        code="""def gradient_at(x_values):
    x = torch.tensor(x_values, dtype=torch.float64, requires_grad=True).to(torch.float32)
    f = torch.dot(x, x) * x.sum()
    f.backward()
    return x.grad""",
        hint={"en": "not the result of an operation", "pt": "não o resultado de uma operação"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_autograd_grad_tuple",
        misconception="Returned what torch.autograd.grad returns, believing it is the gradient tensor, while it is a tuple with one gradient per input.",
        code="""def gradient_at(x_values):
    x = torch.tensor(x_values, dtype=torch.float32, requires_grad=True)
    f = torch.dot(x, x) * x.sum()
    return torch.autograd.grad(f, x)""",
        hint={"en": "take its element [0]", "pt": "pegue o elemento [0]"},
    ),
]
