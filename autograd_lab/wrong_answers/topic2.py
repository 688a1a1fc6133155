"""Wrong answers to assignment 2 (backward on vector outputs), as students type them."""

from autograd_lab.wrong_answers import WrongAnswer

EX1_SETUP = """x = torch.tensor([1.0, -2.0, 3.0, 0.5], requires_grad=True)
y = x ** 3
"""

EX3_DEF = '''def vector_jacobian_product(f, x, v):
    """Return v^T J, where J is the Jacobian of f at x (a tensor with the shape of x)."""
'''

WRONG_ANSWERS = [
    # ------------------------------------------------------------------ ex1
    WrongAnswer(
        cell="ex1_answer",
        name="backward_on_vector_without_gradient",
        misconception="Called y.backward() on a vector as if it were a scalar; PyTorch raised and x_grad was never set.",
        code=EX1_SETUP + """y.backward()
x_grad = x.grad
""",
        hint={"en": "you called y.backward() on a vector", "pt": "você chamou y.backward() num vetor"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="passed_derivative_as_gradient",
        misconception="Believed gradient= takes the derivative itself and passed 3x², so backward multiplied it by J again.",
        code=EX1_SETUP + """y.backward(gradient=3 * x ** 2)
x_grad = x.grad
""",
        hint={"en": "you passed the derivative", "pt": "você passou a derivada"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="passed_x_as_gradient",
        misconception="Read gradient= as 'with respect to what' and passed x.",
        code=EX1_SETUP + """y.backward(gradient=x)
x_grad = x.grad
""",
        hint={"en": "you passed x as gradient=", "pt": "você passou x como gradient="},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="read_grad_of_output",
        misconception="Looked for the gradient in y.grad, the output, which is not a leaf and keeps no .grad.",
        code=EX1_SETUP + """y.backward(gradient=torch.ones(len(y)))
x_grad = y.grad
""",
        hint={"en": "x_grad = y.grad", "pt": "x_grad = y.grad"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="stored_outputs_instead_of_grad",
        misconception="Ran backward correctly but stored y (the outputs) instead of x.grad.",
        code=EX1_SETUP + """y.backward(gradient=torch.ones(len(y)))
x_grad = y
""",
        hint={"en": "the values of y", "pt": "os valores de y"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="hard_coded_gradient",
        misconception="Worked out 3x² by hand and typed the numbers instead of using autograd.",
        code=EX1_SETUP + """x_grad = torch.tensor([3.0, 12.0, 27.0, 0.75])
""",
        hint={"en": "typed by hand", "pt": "digitado à mão"},
    ),
    # ------------------------------------------------------------------ ex2
    WrongAnswer(
        cell="ex2_answer",
        name="predicted_the_weights",
        misconception="Thought gradient= is the gradient, so x.grad would just be the vector v that was passed.",
        code="""grad_first = torch.tensor([1.0, 0.0, 0.0, 2.0])
grad_second = torch.tensor([1.0, 1.0, 0.0, 2.0])
""",
        hint={"en": "gradient= is not the gradient", "pt": "gradient= não é o gradiente"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="predicted_j_times_v",
        misconception="Multiplied the Jacobian by v on the right (J @ v, columns) instead of v^T J (rows).",
        code="""grad_first = torch.tensor([1.0, 1.0, 1.0, 3.0])
grad_second = torch.tensor([1.0, 2.0, 2.0, 4.0])
""",
        hint={"en": "J @ v", "pt": "J @ v"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="predicted_plain_sum",
        misconception="Ignored the weights and predicted the gradient of y.sum().",
        code="""grad_first = torch.tensor([4.0, 3.0, 2.0, 1.0])
grad_second = torch.tensor([8.0, 6.0, 4.0, 2.0])
""",
        hint={"en": "you ignored the weights", "pt": "você ignorou os pesos"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="forgot_accumulation",
        misconception="Predicted the first call right but thought the second backward overwrites x.grad instead of adding to it.",
        code="""grad_first = torch.tensor([3.0, 2.0, 2.0, 2.0])
grad_second = torch.tensor([1.0, 1.0, 0.0, 0.0])
""",
        hint={"en": "gradients accumulate", "pt": "gradientes se acumulam"},
    ),
    # ------------------------------------------------------------------ ex3
    WrongAnswer(
        cell="ex3_answer",
        name="jacobian_times_v",
        misconception="Built the Jacobian and computed J @ v (columns) instead of v^T J (rows).",
        code=EX3_DEF + """    J = torch.autograd.functional.jacobian(f, x)
    return J @ v
""",
        hint={"en": "combination of the columns", "pt": "combinação das colunas"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ignored_v_used_sum",
        misconception="Reached for the familiar y.sum().backward(), which ignores the weights v.",
        code=EX3_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.sum().backward()
    return x.grad
""",
        hint={"en": "you ignored the weights v", "pt": "você ignorou os pesos v"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="accumulates_on_callers_x",
        misconception="Switched on requires_grad on the caller's x and never reset x.grad, so a second call accumulates.",
        code=EX3_DEF + """    x.requires_grad_(True)
    y = f(x)
    y.backward(gradient=v)
    return x.grad
""",
        hint={"en": "accumulated", "pt": "acumularam"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_outputs",
        misconception="Ran backward correctly but returned y = f(x) instead of x.grad.",
        code=EX3_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.backward(gradient=v)
    return y
""",
        hint={"en": "returned f(x)", "pt": "devolveu f(x)"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="hard_coded_visible_case",
        misconception="Computed v^T J for the visible test by hand and returned those numbers.",
        code=EX3_DEF + """    return torch.tensor([2.5, 1.5, 2.5, 2.0])
""",
        hint={"en": "fixed numbers", "pt": "números fixos"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="built_jacobian_then_v_times_j",
        misconception="Computed v^T J literally: built J with torch.autograd.functional.jacobian "
        "(one backward pass per output), then v @ J. Right numbers, but the point of gradient=v is lost.",
        code=EX3_DEF + """    J = torch.autograd.functional.jacobian(f, x)
    return v @ J
""",
        hint={"en": "built the Jacobian", "pt": "montou a jacobiana"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="built_jacobian_row_by_row",
        misconception="Built J one row at a time, a backward pass for each output, then v @ J.",
        code=EX3_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    rows = []
    for i in range(y.shape[0]):
        (row,) = torch.autograd.grad(y[i], x, retain_graph=True)
        rows.append(row)
    return v @ torch.stack(rows)
""",
        hint={"en": "one row per pass", "pt": "uma linha por retropropagação"},
    ),
]
