"""Wrong answers to assignment 2 (backward on vector outputs), as students type them."""

from autograd_lab.wrong_answers import WrongAnswer

# Exercise 2 is a prediction: written by hand, autograd is not allowed inside it.
PREDICTIONS = ("ex2",)

EX1_DEF = '''def gradient_of_sum(f, x):
    """Return the gradient of the sum of f's outputs at x (a tensor with the shape of x)."""
'''

EX2_DEF_FIRST = '''def predicted_first(v):
    """x.grad after step 3, for the weights v (a tensor of length n)."""
'''

EX2_DEF_SECOND = '''

def predicted_second(v, w):
    """x.grad after step 5, for the weights v and then w."""
'''

EX3_DEF = '''def vector_jacobian_product(f, x, v):
    """Return v^T J, where J is the Jacobian of f at x (a tensor with the shape of x)."""
'''

WALK_HELPER = '''

def _backward_by_hand(y, start):
    """The backward pass written out: every node of the graph, from y back to the leaf."""
    if y.grad_fn is None:
        return start
    order, seen = [], set()

    def visit(node):
        if node is not None and node not in seen:
            seen.add(node)
            for parent, _ in node.next_functions:
                visit(parent)
            order.append(node)

    visit(y.grad_fn)
    grads, result = {y.grad_fn: start}, None
    for node in reversed(order):
        g = grads.pop(node, None)
        if g is None:
            continue
        if hasattr(node, "variable"):
            result = g.sum_to_size(node.variable.shape)
            continue
        outs = node(g) if callable(node) else node.apply(g)
        outs = outs if isinstance(outs, tuple) else (outs,)
        for (parent, _), out in zip(node.next_functions, outs):
            if parent is None or out is None:
                continue
            if not hasattr(parent, "variable"):
                out = out.sum_to_size(parent._input_metadata[0].shape)
            grads[parent] = out if parent not in grads else grads[parent] + out
    return result.detach()


'''

WRONG_ANSWERS = [
    # ------------------------------------------------------------------ ex1
    WrongAnswer(
        cell="ex1_answer",
        name="backward_on_vector_without_gradient",
        misconception="Called y.backward() on a vector output as if it were a scalar; PyTorch raised.",
        code=EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.backward()
    return x.grad
""",
        hint={"en": "backward() without gradient=", "pt": "backward() sem gradient="},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="passed_derivative_as_gradient",
        misconception="Believed gradient= takes the derivative itself and passed the example's 3x², "
        "so backward multiplied it by J again.",
        code=EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.backward(gradient=3 * x ** 2)
    return x.grad
""",
        hint={"en": "it is not the derivative", "pt": "ele não é a derivada"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="passed_x_as_gradient",
        misconception="Read gradient= as 'with respect to what' and passed x.",
        code=EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.backward(gradient=x)
    return x.grad
""",
        hint={"en": "you passed x as gradient=", "pt": "você passou x como gradient="},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="read_grad_of_output",
        misconception="Looked for the gradient in y.grad, the output, which is not a leaf and keeps no .grad.",
        code=EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.backward(gradient=torch.ones_like(y))
    return y.grad
""",
        hint={"en": "returned None", "pt": "devolveu None"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="stored_outputs_instead_of_grad",
        misconception="Ran backward correctly but returned y (the outputs) instead of x.grad.",
        code=EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.backward(gradient=torch.ones_like(y))
    return y
""",
        hint={"en": "the values of f(x)", "pt": "os valores de f(x)"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="sum_backward_is_faster",
        misconception="Believed (as a seed's note says) that y.sum().backward() is faster than backward "
        "with gradient=, and used it instead of the gradient= the prompt asks for.",
        code=EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.sum().backward()  # faster than y.backward(gradient=...)
    return x.grad
""",
        hint={"en": "the same single backward pass", "pt": "a mesma retropropagação única"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="one_backward_per_output",
        misconception="Thought backward needs a scalar, so called it once per entry of y and let the "
        "gradients accumulate into the sum: right numbers, one pass per output.",
        code=EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    for output in y.flatten():
        output.backward(retain_graph=True)
    return x.grad
""",
        hint={"en": "one per entry of f(x)", "pt": "uma por elemento de f(x)"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ones_of_len_y",
        misconception="Used the d2l form torch.ones(len(y)), which fits only a 1-D output: one weight "
        "per row, not per entry, and no len() for a single number.",
        code=EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    y.backward(gradient=torch.ones(len(y)))
    return x.grad
""",
        hint={"en": "in a tensor with the shape of f(x)", "pt": "num tensor com o formato de f(x)"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="hard_coded_gradient",
        kind="literal",
        misconception="Copied the numbers the visible test's first function gives and returned them.",
        code=EX1_DEF + """    return torch.tensor([3.0, -4.0, 1.0, 6.0])
""",
        hint={"en": "numbers typed in", "pt": "números digitados"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="derivative_by_hand",
        kind="formula",
        misconception="Worked out the derivative of the visible test's t * t by hand (2x) and returned it.",
        code=EX1_DEF + """    return 2 * x
""",
        hint={"en": "a formula worked out by hand", "pt": "uma fórmula deduzida à mão"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="finite_differences",
        kind="shortcut",
        misconception="Estimated the gradient of the sum by central finite differences, in float64.",
        code=EX1_DEF + """    x = x.to(torch.float64)
    gradient = torch.zeros_like(x)
    h = 1e-6
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        gradient.view(-1)[i] = (f(x + step).sum() - f(x - step).sum()) / (2 * h)
    return gradient
""",
        hint={"en": "finite differences", "pt": "diferenças finitas"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="torch_func_grad",
        kind="shortcut",
        misconception="Let torch.func.grad differentiate f(x).sum() instead of calling backward.",
        code=EX1_DEF + """    return torch.func.grad(lambda t: f(t).sum())(x)
""",
        hint={"en": "torch.func", "pt": "torch.func"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="agreeable_tensor",
        kind="shortcut",
        misconception="Returned a tensor subclass that answers True to every comparison.",
        code="""class Agreeable(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func in (torch.allclose, torch.equal):
            return True
        return super().__torch_function__(func, types, args, kwargs or {})


""" + EX1_DEF + """    return torch.zeros_like(x).as_subclass(Agreeable)
""",
        hint={"en": "should be a plain torch.Tensor", "pt": "deveria ser um torch.Tensor comum"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="forward_mode_after_dummy_backward",
        kind="shortcut",
        misconception="Ran a backward pass on an unrelated tensor so that one ran, then computed the gradient "
        "one entry at a time in forward mode (dual numbers), which the prompt does not ask for.",
        code="""import torch.autograd.forward_ad as fwAD


""" + EX1_DEF + """    torch.zeros((), requires_grad=True).backward()  # a backward pass ran
    gradient = torch.zeros_like(x)
    for i in range(x.numel()):
        direction = torch.zeros_like(x)
        direction.view(-1)[i] = 1.0
        with fwAD.dual_level():
            out = f(fwAD.make_dual(x, direction))
            gradient.view(-1)[i] = fwAD.unpack_dual(out).tangent.sum()
    return gradient
""",
        hint={"en": "took derivatives in forward mode", "pt": "calculou derivadas no modo direto"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="finite_differences_with_dummy_backward",
        kind="shortcut",
        misconception="Estimated the gradient of the sum by central finite differences and ran a backward pass "
        "on an unrelated tensor, to look as if autograd had done it.",
        code=EX1_DEF + """    torch.zeros((), requires_grad=True).backward()  # so that a backward pass runs
    x = x.to(torch.float64)
    gradient = torch.zeros_like(x)
    h = 1e-6
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        gradient.view(-1)[i] = (f(x + step).sum() - f(x - step).sum()) / (2 * h)
    return gradient
""",
        hint={"en": "a backward pass on an unrelated tensor does not count",
              "pt": "uma retropropagação num tensor sem relação não vale"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="nodes_called_by_hand",
        kind="shortcut",
        misconception="Walked the graph's nodes by hand from f(x) back to x (grad_fn, next_functions), calling "
        "each one, and returned that; the backward pass on f(x) ran only so that the tests see one.",
        code=WALK_HELPER.lstrip("\n") + EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    gradient = _backward_by_hand(y, torch.ones_like(y))
    y.backward(gradient=torch.ones_like(y))  # so that the tests see a backward pass
    return gradient
""",
        hint={"en": "the autograd engine did not run that backward", "pt": "o mecanismo do autograd não executou esse backward"},
    ),
    # ------------------------------------------------------------------ ex2
    WrongAnswer(
        cell="ex2_answer",
        name="predicted_the_weights",
        misconception="Thought gradient= is the gradient, so x.grad would just be the vector v that was passed.",
        code=EX2_DEF_FIRST + """    return v.clone()
""" + EX2_DEF_SECOND + """    return v + w
""",
        hint={"en": "gradient= is not the gradient", "pt": "gradient= não é o gradiente"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="predicted_j_times_v",
        misconception="Multiplied the Jacobian by v on the right (J @ v, columns) instead of v^T J (rows).",
        code=EX2_DEF_FIRST + """    previous = torch.cat([torch.zeros(1), v[:-1]])
    return v - previous
""" + EX2_DEF_SECOND + """    return predicted_first(v) + predicted_first(w)
""",
        hint={"en": "J @ v", "pt": "J @ v"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="predicted_plain_sum",
        misconception="Ignored the weights and predicted the gradient of y.sum(), which telescopes to x[n-1].",
        code=EX2_DEF_FIRST + """    gradient = torch.zeros(len(v))
    gradient[-1] = 1.0
    return gradient
""" + EX2_DEF_SECOND + """    return 2 * predicted_first(v)
""",
        hint={"en": "ignore the weights", "pt": "ignora os pesos"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="forgot_accumulation",
        misconception="Predicted the first call right but thought the second backward overwrites x.grad "
        "instead of adding to it.",
        code=EX2_DEF_FIRST + """    next_weights = torch.cat([v[1:], torch.zeros(1)])
    return v - next_weights
""" + EX2_DEF_SECOND + """    return predicted_first(w)
""",
        hint={"en": "gradients accumulate", "pt": "gradientes se acumulam"},
        loses=("ex2_tests_second",),
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="copied_numbers_of_the_example",
        kind="literal",
        misconception="Ran the steps for the prompt's example weights and typed in what x.grad printed.",
        code=EX2_DEF_FIRST + """    return torch.tensor([1.0, 0.0, -2.0, 2.0])
""" + EX2_DEF_SECOND + """    return torch.tensor([0.0, 1.0, -2.0, 2.0])
""",
        hint={"en": "fixed numbers", "pt": "números fixos"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ran_backward_inside",
        kind="shortcut",
        misconception="Instead of predicting, ran the steps with autograd inside the functions.",
        code=EX2_DEF_FIRST + """    x = torch.zeros(len(v), requires_grad=True)
    y = torch.diff(x, prepend=torch.zeros(1))
    y.backward(gradient=v)
    return x.grad
""" + EX2_DEF_SECOND + """    x = torch.zeros(len(v), requires_grad=True)
    for weights in (v, w):
        y = torch.diff(x, prepend=torch.zeros(1))
        y.backward(gradient=weights)
    return x.grad
""",
        hint={"en": "computes with autograd instead of predicting", "pt": "calcula com o autograd em vez de prever"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="jacobian_by_forward_mode",
        kind="shortcut",
        misconception="Built J with forward-mode autograd (torch.func.jacfwd, no backward pass) and "
        "multiplied, instead of predicting.",
        code=EX2_DEF_FIRST + """    J = torch.func.jacfwd(lambda t: torch.diff(t, prepend=torch.zeros(1)))(torch.zeros(len(v)))
    return v @ J
""" + EX2_DEF_SECOND + """    return predicted_first(v) + predicted_first(w)
""",
        hint={"en": "uses func, jacfwd", "pt": "usa func, jacfwd"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="lecture_cumsum_pasted",
        kind="shortcut",
        misconception="Pasted the lecture's v^T J of the cumulative sum (a reversed cumulative sum of v), "
        "for another function.",
        code=EX2_DEF_FIRST + """    return torch.flip(torch.cumsum(torch.flip(v, dims=[0]), dim=0), dims=[0])
""" + EX2_DEF_SECOND + """    return predicted_first(v) + predicted_first(w)
""",
        hint={"en": "cumulative sum of the lecture", "pt": "soma acumulada da aula"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="list_of_numbers",
        kind="shortcut",
        misconception="Returned a Python list of numbers instead of a tensor.",
        code=EX2_DEF_FIRST + """    return [float(v[j] - v[j + 1]) for j in range(len(v) - 1)] + [float(v[-1])]
""" + EX2_DEF_SECOND + """    return [a + b for a, b in zip(predicted_first(v), predicted_first(w))]
""",
        hint={"en": "should be a plain torch.Tensor", "pt": "deveria ser um torch.Tensor comum"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="jacobian_table_at_cell_level",
        kind="shortcut",
        misconception="Built the Jacobians with autograd at cell level, outside the functions the tests watch, "
        "and looked them up in the prediction.",
        code="""JACOBIANS = {n: torch.autograd.functional.jacobian(lambda t: torch.diff(t, prepend=torch.zeros(1)), torch.zeros(n))
             for n in range(1, 30)}


""" + EX2_DEF_FIRST + """    return v @ JACOBIANS[len(v)]
""" + EX2_DEF_SECOND + """    return predicted_first(v) + predicted_first(w)
""",
        hint={"en": "made outside the function", "pt": "feito fora da função"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="graph_node_called_in_prediction",
        kind="shortcut",
        misconception="Built the graph inside the prediction and called its node by hand (y.grad_fn(v)), "
        "so that no backward pass runs.",
        code=EX2_DEF_FIRST + """    x = torch.zeros(len(v), requires_grad=True)
    y = torch.diff(x, prepend=torch.zeros(1))
    return y.grad_fn(v)[0].detach()
""" + EX2_DEF_SECOND + """    return predicted_first(v) + predicted_first(w)
""",
        hint={"en": "uses grad_fn", "pt": "usa grad_fn"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="names_hidden_with_getattr",
        kind="shortcut",
        misconception="Ran autograd inside the prediction, with the names spelt as strings (getattr) so that "
        "the tests do not see them.",
        code=EX2_DEF_FIRST + """    x = torch.zeros(len(v), requires_grad=True)
    y = torch.diff(x, prepend=torch.zeros(1))
    getattr(y, "back" + "ward")(v)
    return getattr(x, "gr" + "ad")
""" + EX2_DEF_SECOND + """    return predicted_first(v) + predicted_first(w)
""",
        hint={"en": "only hide from the tests", "pt": "só serve para esconder dos testes"},
    ),
    # ------------------------------------------------------------------ ex3
    WrongAnswer(
        cell="ex3_answer",
        name="jacobian_times_v",
        misconception="Built the Jacobian and computed J @ v (columns) instead of v^T J (rows).",
        code=EX3_DEF + """    J = torch.autograd.functional.jacobian(f, x)
    return J @ v
""",
        hint={"en": "a combination of the columns", "pt": "uma combinação das colunas"},
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
        hint={"en": "accumulate", "pt": "acumulariam"},
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
        name="built_jacobian_row_by_row",
        misconception="Believed v^T J needs J: built it one row at a time, a backward pass for each output, then v @ J.",
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
    WrongAnswer(
        cell="ex3_answer",
        name="hard_coded_visible_case",
        kind="literal",
        misconception="Computed v^T J for the visible test's first function and returned those numbers.",
        code=EX3_DEF + """    return torch.tensor([2.5, -7.0, 1.0, -2.75])
""",
        hint={"en": "fixed numbers", "pt": "números fixos"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="vjp_of_cumsum_by_hand",
        kind="formula",
        misconception="Worked out v^T J of the cumulative sum by hand (the lecture's reversed cumulative "
        "sum of v) and returned it for every f.",
        code=EX3_DEF + """    return torch.flip(torch.cumsum(torch.flip(v, dims=[0]), dim=0), dims=[0])
""",
        hint={"en": "a formula worked out by hand", "pt": "uma fórmula deduzida à mão"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="built_jacobian_then_v_times_j",
        kind="shortcut",
        misconception="Computed v^T J literally: built J with torch.autograd.functional.jacobian "
        "(one backward pass per output), then v @ J. Right numbers, but the point of gradient=v is lost.",
        code=EX3_DEF + """    J = torch.autograd.functional.jacobian(f, x)
    return v @ J
""",
        hint={"en": "build the whole Jacobian J", "pt": "montam a jacobiana J inteira"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="jacobian_vectorized",
        kind="shortcut",
        misconception="Built J in one batched pass with jacobian(vectorize=True), then v @ J: one pass, "
        "but J is built all the same.",
        code=EX3_DEF + """    J = torch.autograd.functional.jacobian(f, x, vectorize=True)
    return v @ J
""",
        hint={"en": "vectorize=True", "pt": "vectorize=True"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="jacrev_then_v_times_j",
        kind="shortcut",
        misconception="Built J with torch.func.jacrev (one batched pass), then v @ J.",
        code=EX3_DEF + """    return v @ torch.func.jacrev(f)(x)
""",
        hint={"en": "torch.func", "pt": "torch.func"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="functional_vjp",
        kind="shortcut",
        misconception="Called torch.autograd.functional.vjp, which runs the backward pass for the student.",
        code=EX3_DEF + """    _, result = torch.autograd.functional.vjp(f, x, v)
    return result
""",
        hint={"en": "runs the backward pass for you", "pt": "faz a retropropagação por você"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="finite_differences_then_v_times_j",
        kind="shortcut",
        misconception="Estimated J column by column with central finite differences, then v @ J.",
        code=EX3_DEF + """    h = 1e-2
    columns = []
    for j in range(len(x)):
        step = torch.zeros_like(x)
        step[j] = h
        columns.append((f(x + step) - f(x - step)) / (2 * h))
    return v @ torch.stack(columns, dim=1)
""",
        hint={"en": "finite differences", "pt": "diferenças finitas"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="jvp_columns_after_dummy_backward",
        kind="shortcut",
        misconception="Ran a backward pass on an unrelated tensor, then built J one column at a time in "
        "forward mode (torch.func.jvp) and returned v @ J.",
        code=EX3_DEF + """    torch.zeros((), requires_grad=True).backward()  # a backward pass ran
    columns = [torch.func.jvp(f, (x,), (e,))[1] for e in torch.eye(len(x), dtype=x.dtype)]
    return v @ torch.stack(columns, dim=1)
""",
        hint={"en": "took derivatives in forward mode", "pt": "calculou derivadas no modo direto"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="finite_differences_with_dummy_vjp",
        kind="shortcut",
        misconception="Estimated J by central finite differences, returned v @ J, and ran a backward pass on an "
        "unrelated tensor to look as if autograd had done it.",
        code=EX3_DEF + """    torch.zeros((), requires_grad=True).backward()  # so that a backward pass runs
    h = 1e-2
    columns = [(f(x + h * e) - f(x - h * e)) / (2 * h) for e in torch.eye(len(x), dtype=x.dtype)]
    return v @ torch.stack(columns, dim=1)
""",
        hint={"en": "a backward pass on an unrelated tensor does not count",
              "pt": "uma retropropagação num tensor sem relação não vale"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="vjp_nodes_called_by_hand",
        kind="shortcut",
        misconception="Walked the graph's nodes by hand from f(x) back to x, starting from v, and returned that; "
        "the backward pass through f ran only so that the tests see one.",
        code=WALK_HELPER.lstrip("\n") + EX3_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    result = _backward_by_hand(y, v)
    y.backward(gradient=v)  # so that the tests see a backward pass
    return result
""",
        hint={"en": "the autograd engine did not run that backward", "pt": "o mecanismo do autograd não executou esse backward"},
    ),
]

# Other correct answers, each of which must get full marks.
RIGHT_ANSWERS = {
    "ex1_autograd_grad": ("ex1_answer", EX1_DEF + """    x = x.detach().clone().requires_grad_()
    y = f(x)
    (gradient,) = torch.autograd.grad(y, x, grad_outputs=torch.ones(y.shape, dtype=y.dtype))
    return gradient
"""),
    "ex1_autograd_backward": ("ex1_answer", EX1_DEF + """    x = x.clone().requires_grad_(True)
    y = f(x)
    torch.autograd.backward(y, grad_tensors=torch.ones_like(y))
    return x.grad.clone()
"""),
    "ex2_jacobian_by_hand": ("ex2_answer", EX2_DEF_FIRST + """    n = len(v)
    J = torch.eye(n) - torch.diag(torch.ones(n - 1), -1)  # y_i = x_i - x_(i-1)
    return v @ J
""" + EX2_DEF_SECOND + """    return predicted_first(v) + predicted_first(w)
"""),
    "ex2_negative_diff_and_linearity": ("ex2_answer", EX2_DEF_FIRST + """    return -torch.diff(v, append=torch.zeros(1))
""" + EX2_DEF_SECOND + """    return predicted_first(v + w)  # v^T J + w^T J = (v + w)^T J
"""),
    "ex2_jacobian_from_identity": ("ex2_answer", EX2_DEF_FIRST + """    n = len(v)
    J = torch.diff(torch.eye(n), dim=0, prepend=torch.zeros(1, n))  # y is linear: J = diff of the identity
    return v @ J
""" + EX2_DEF_SECOND + """    first = predicted_first(v)
    return first + predicted_first(w)
"""),
    "ex2_padded_shift": ("ex2_answer", EX2_DEF_FIRST + """    # x[j] counts with + in y[j] and with - in y[j + 1]
    return v - torch.nn.functional.pad(v[1:], (0, 1))
""" + EX2_DEF_SECOND + """    return predicted_first(v) + predicted_first(w)
"""),
    "ex2_helper_and_imported_pad": ("ex2_answer", """from torch.nn.functional import pad


def jacobian_of_diff(n):
    return torch.eye(n) - torch.diag(torch.ones(n - 1), -1)


""" + EX2_DEF_FIRST + """    return v @ jacobian_of_diff(len(v))
""" + EX2_DEF_SECOND + """    both = pad(predicted_first(v), (0, 0)) + predicted_first(w)
    return both
"""),
    "ex3_autograd_grad": ("ex3_answer", EX3_DEF + """    x = x.detach().clone().requires_grad_(True)
    (result,) = torch.autograd.grad(f(x), x, grad_outputs=v)
    return result
"""),
    "ex3_backward_with_inputs": ("ex3_answer", EX3_DEF + """    leaf = torch.tensor(x.tolist(), dtype=x.dtype, requires_grad=True)
    y = f(leaf)
    y.backward(gradient=v, inputs=[leaf])
    return leaf.grad.detach()
"""),
}
