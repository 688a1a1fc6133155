"""Common wrong answers to assignment 6 (higher-order derivatives).

Each entry is the whole content of one solution cell as a student could type
it (the same code in both languages: the test cells diagnose it).  The three
answers are functions of a function: the tests call them with functions of
their own (some drawn at grading time, one whose backward declares its own
derivative and logs whether the autograd engine ran it), note where they
evaluate the function they receive, refuse forward mode, and check that the
backward passes are nested (the first one goes through the output of that
function, each next one through the result of the call of
``torch.autograd.grad`` before it) and that the answer is what the nested
passes computed.  ``RIGHT_ANSWERS`` lists other correct answers, which must
keep full marks.
"""

from autograd_lab.wrong_answers import WrongAnswer

PREDICTIONS = ()

_EX1_HEAD = '''def second_derivative(f, x):
    """The second derivative of the elementwise function f at the points x, computed by autograd."""
    x = x.detach().requires_grad_(True)  # a fresh leaf that autograd tracks (the caller's x is left alone)
'''

_EX2_HEAD = '''def nth_derivative(f, x, n):
    """The n-th derivative (n >= 1) of the elementwise function f at the points x."""
    x = x.detach().requires_grad_(True)  # a fresh leaf that autograd tracks (the caller's x is left alone)
'''

_EX3_HEAD = '''def hessian_of(f, p):
    """The Hessian matrix, of shape (k, k), of the scalar function f at the point p (a 1-D tensor of k numbers)."""
    p = p.detach().requires_grad_(True)  # a fresh leaf that autograd tracks (the caller's p is left alone)
'''

_WALK = '''def _walk_grad(out, leaf):
    # reverse mode by calling the grad_fn nodes by hand, in topological order
    order, seen = [], set()

    def visit(node):
        if node is None or node in seen:
            return
        seen.add(node)
        for child, _ in node.next_functions:
            visit(child)
        order.append(node)

    visit(out.grad_fn)
    grads = {}
    if out.grad_fn is not None:
        grads[out.grad_fn] = {out.output_nr: torch.ones_like(out)}
    result = torch.zeros_like(leaf)
    for node in reversed(order):
        slots = grads.pop(node, None)
        if not slots:
            continue
        if type(node).__name__ == "AccumulateGrad":
            if node.variable is leaf:
                result = result + slots[0]
            continue
        inputs = [slots.get(i, torch.zeros(m.shape, dtype=m.dtype)) for i, m in enumerate(node._input_metadata)]
        outs = node(*inputs)
        if not isinstance(outs, tuple):
            outs = (outs,)
        for (child, nr), g in zip(node.next_functions, outs):
            if child is None or g is None:
                continue
            slot = grads.setdefault(child, {})
            slot[nr] = slot[nr] + g if nr in slot else g
    return result


'''

WRONG_ANSWERS = [
    # ------------------------------------------------------------------ ex1
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_forgot_create_graph",
        misconception="Left out create_graph=True in the first call, so the first derivative has no graph and cannot be differentiated.",
        code=_EX1_HEAD + '''    y = f(x)
    d1, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y))
    d2, = torch.autograd.grad(d1, x, grad_outputs=torch.ones_like(d1))
    return d2
''',
        hint={"en": "has no graph", "pt": "não tem grafo"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_returned_tuple",
        misconception="Returned what torch.autograd.grad returned, a tuple, instead of the tensor inside it.",
        code=_EX1_HEAD + '''    y = f(x)
    d1 = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)[0]
    d2 = torch.autograd.grad(d1, x, grad_outputs=torch.ones_like(d1))
    return d2
''',
        hint={"en": "returned a tuple", "pt": "devolveu uma tupla"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_differentiated_y_twice",
        misconception="Took the 'second' derivative from y again instead of from the first derivative, which gives the first derivative twice.",
        code=_EX1_HEAD + '''    y = f(x)
    d1, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)
    d2, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y))
    return d2
''',
        hint={"en": "both calls differentiated f(x)", "pt": "as duas chamadas derivaram f(x)"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_forgot_grad_outputs",
        misconception="Called torch.autograd.grad on a vector y without grad_outputs, as if y were a scalar.",
        code=_EX1_HEAD + '''    y = f(x)
    d1, = torch.autograd.grad(y, x, create_graph=True)
    d2, = torch.autograd.grad(d1, x)
    return d2
''',
        hint={"en": "as if it were a scalar", "pt": "como se fosse um escalar"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_ones_of_length_len_y",
        misconception="Built grad_outputs with torch.ones(len(y)) (the d2l idiom), which only has the right shape for 1-D tensors.",
        code=_EX1_HEAD + '''    y = f(x)
    d1, = torch.autograd.grad(y, x, grad_outputs=torch.ones(len(y)), create_graph=True)
    d2, = torch.autograd.grad(d1, x, grad_outputs=torch.ones(len(d1)))
    return d2
''',
        hint={"en": "only fits 1-D tensors", "pt": "só serve para tensores 1-D"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_backward_twice_reads_grad",
        misconception="Used backward(create_graph=True), then backward() on x.grad, and returned x.grad, not knowing that .grad accumulates: it holds the first derivative plus the second.",
        code=_EX1_HEAD + '''    y = f(x)
    y.backward(torch.ones_like(y), create_graph=True)
    d1 = x.grad
    d1.backward(torch.ones_like(d1))
    return x.grad
''',
        hint={"en": ".grad accumulates", "pt": "o .grad acumula"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_literal_lecture_output",
        kind="literal",
        misconception="Copied the second derivative the lecture printed for 3x² at 0, 1, 2, 3, 4 (tensor([6., 6., 6., 6., 6.])).",
        code=_EX1_HEAD + '''    return torch.tensor([6.0, 6.0, 6.0, 6.0, 6.0])  # what the lecture printed for d2
''',
        hint={"en": "never called f", "pt": "nunca chamou f"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_hand_formula",
        kind="formula",
        misconception="Worked out by hand the second derivative of the prompt's example t⁴ + e^(−t), 12x² + e^(−x), instead of differentiating f with autograd.",
        code=_EX1_HEAD + '''    return 12 * x**2 + torch.exp(-x)  # the second derivative of x⁴ + e^(−x), worked out by hand
''',
        hint={"en": "never called f", "pt": "nunca chamou f"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_finite_differences",
        kind="shortcut",
        misconception="Estimated the second derivative with central finite differences instead of autograd.",
        code=_EX1_HEAD + '''    h = 1e-2
    return (f(x + h) - 2 * f(x) + f(x - h)) / h**2
''',
        hint={"en": "points other than x", "pt": "pontos diferentes de x"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_functional_hvp",
        kind="shortcut",
        misconception="Let torch.autograd.functional.hvp do the nested passes: for an elementwise f, the Hessian-vector product of sum(f) with ones is f''.",
        code=_EX1_HEAD + '''    return torch.autograd.functional.hvp(lambda t: f(t).sum(), x, torch.ones_like(x))[1]
''',
        hint={"en": "torch.autograd.functional", "pt": "torch.autograd.functional"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_torch_func_grad_of_grad",
        kind="shortcut",
        misconception="Let torch.func.grad differentiate twice instead of writing the nested calls.",
        code=_EX1_HEAD + '''    first = torch.func.grad(lambda t: f(t).sum())
    return torch.func.grad(lambda t: first(t).sum())(x)
''',
        hint={"en": "torch.func", "pt": "torch.func"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_tensor_that_equals_anything",
        kind="shortcut",
        misconception="Returned a tensor subclass whose == always says True, hoping the tests compare with ==.",
        code='''class Anything(torch.Tensor):
    def __eq__(self, other):
        return torch.ones_like(other, dtype=torch.bool)


''' + _EX1_HEAD + '''    return f(x).detach().as_subclass(Anything)
''',
        hint={"en": "plain torch.Tensor", "pt": "torch.Tensor comum"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_forward_mode_after_dummy_pass",
        kind="shortcut",
        misconception="Took the second derivative in forward mode (forward over reverse: the tangent of the first derivative), then ran a backward pass on an unrelated tensor so that two passes ran.",
        code="import torch.autograd.forward_ad as fwAD\n\n\n" + _EX1_HEAD + '''    with fwAD.dual_level():
        x_dual = fwAD.make_dual(x, torch.ones_like(x))
        y = f(x_dual)
        d1, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)
        d2 = fwAD.unpack_dual(d1).tangent
    dummy = torch.zeros((), requires_grad=True)
    torch.autograd.grad(dummy * 1, dummy)  # a second backward pass, on nothing in particular
    return d2.detach().clone()
''',
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_node_walk_and_dummy_passes",
        kind="shortcut",
        misconception="Differentiated twice by calling the graph's grad_fn nodes by hand, then ran two nested backward passes on an unrelated tensor, the first recording a graph.",
        code=_WALK + _EX1_HEAD + '''    d1 = _walk_grad(f(x), x)  # the nodes, called by hand, record a graph
    d2 = _walk_grad(d1, x)
    dummy = torch.zeros((), requires_grad=True)
    g, = torch.autograd.grad(dummy**2, dummy, create_graph=True)
    torch.autograd.grad(g, dummy)
    return d2.detach()
''',
        hint={"en": "went through the output of f", "pt": "passou pela saída de f"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_second_pass_thrown_away",
        kind="shortcut",
        misconception="Ran the first pass honestly and a second pass through the first derivative (with zero weights), but took the second derivative by calling the nodes of the first derivative's graph by hand.",
        code=_WALK + _EX1_HEAD + '''    y = f(x)
    d1, = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y), create_graph=True)
    torch.autograd.grad((d1 * 0).sum(), x, retain_graph=True)  # a pass through d1, its result thrown away
    return _walk_grad(d1, x).detach()
''',
        hint={"en": "none of its nested passes computed", "pt": "nenhuma das suas retropropagações aninhadas calculou"},
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
        if not derivative.requires_grad:
            return torch.zeros_like(x)
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True, materialize_grads=True
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
        hint={"en": "as if it were a scalar", "pt": "como se fosse um escalar"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_hard_coded_example_function",
        misconception="Wrote the example function 2x³ into the function instead of calling f, so it only works for the example.",
        code=_EX2_HEAD + '''    derivative = 2 * x**3
    for _ in range(n):
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True
        )
    return derivative
''',
        hint={"en": "the function it receives", "pt": "a função que recebe"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_trusted_create_graph",
        misconception="Believed that with create_graph=True every derivative can be differentiated again: a derivative that no longer depends on x (the 3 of 3x) comes back without a graph, and the next call raises.",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True
        )
    return derivative
''',
        hint={"en": "no longer depends on x", "pt": "não depende mais de x"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_materialize_grads_only",
        misconception="Believed materialize_grads=True turns every derivative that stops depending on x into zeros: it does when the graph no longer reaches x, not when the derivative has no graph at all.",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True, materialize_grads=True
        )
    return derivative
''',
        hint={"en": "no longer depends on x", "pt": "não depende mais de x"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_constant_check_only",
        misconception="Handled a derivative without a graph but not one whose graph no longer reaches x (f = w·x·x with a weight w that requires grad).",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        if not derivative.requires_grad:
            return torch.zeros_like(x)
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True
        )
    return derivative
''',
        hint={"en": "no longer reaches x", "pt": "não chega mais a x"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_allow_unused_none",
        misconception="Passed allow_unused=True and kept going with the None it returns for a derivative whose graph no longer reaches x.",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        if not derivative.requires_grad:
            return torch.zeros_like(x)
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True, allow_unused=True
        )
    return derivative
''',
        hint={"en": "came back as None", "pt": "voltou como None"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_literal_lecture_output",
        kind="literal",
        misconception="Copied the third derivative of 2x³ that the lecture printed (12 at every point).",
        code=_EX2_HEAD + '''    return torch.full_like(x, 12.0)  # the third derivative of 2x³ the lecture printed
''',
        hint={"en": "never called f", "pt": "nunca chamou f"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_hand_formulas",
        kind="formula",
        misconception="Worked out the derivatives of the example 2x³ by hand and returned the one of order n.",
        code=_EX2_HEAD + '''    formulas = {1: 6 * x**2, 2: 12 * x, 3: torch.full_like(x, 12.0)}  # derivatives of 2x³, by hand
    return formulas.get(n, torch.zeros_like(x))
''',
        hint={"en": "never called f", "pt": "nunca chamou f"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_finite_differences",
        kind="shortcut",
        misconception="Estimated the n-th derivative with nested central finite differences instead of autograd.",
        code=_EX2_HEAD + '''    h = 1e-2
    g = f
    for _ in range(n):
        g = lambda t, g=g: (g(t + h) - g(t - h)) / (2 * h)
    return g(x)
''',
        hint={"en": "points other than x", "pt": "pontos diferentes de x"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_torch_func_grad",
        kind="shortcut",
        misconception="Let torch.func.grad take the derivatives, n times, instead of writing the nested calls.",
        code=_EX2_HEAD + '''    g = f
    for _ in range(n):
        g = lambda t, g=g: torch.func.grad(lambda s: g(s).sum())(t)
    return g(x)
''',
        hint={"en": "torch.func", "pt": "torch.func"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_lecture_timing_snippet",
        kind="shortcut",
        misconception="Pasted the lecture's nth_derivative_of_g from the timing cell, with f for g: it has no answer for a derivative that no longer depends on x.",
        code=_EX2_HEAD + '''    x_leaf = x.clone().requires_grad_(True)
    derivative = f(x_leaf)
    for order in range(1, n + 1):
        derivative, = torch.autograd.grad(
            derivative, x_leaf, grad_outputs=torch.ones_like(derivative), create_graph=order < n
        )
    return derivative
''',
        hint={"en": "no longer depends on x", "pt": "não depende mais de x"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_grad_fn_none_as_constant",
        misconception="Took a tensor without grad_fn for a constant: a leaf has none, and for f = the identity f(x) is x itself, whose derivative is 1, not 0.",
        code=_EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        if derivative.grad_fn is None:  # no graph: a constant
            return torch.zeros_like(x)
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True, materialize_grads=True
        )
    return derivative
''',
        hint={"en": "has no grad_fn", "pt": "não tem grad_fn"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_forward_mode_after_dummy_pass",
        kind="shortcut",
        misconception="Took the n derivatives in forward mode with nested torch.func.jvp, then ran a backward pass on an unrelated tensor so that a pass ran.",
        code=_EX2_HEAD + '''    g = f
    for _ in range(n):
        g = lambda t, g=g: torch.func.jvp(g, (t,), (torch.ones_like(t),))[1]
    dummy = torch.zeros((), requires_grad=True)
    torch.autograd.grad(dummy * 1, dummy)  # a backward pass, on nothing in particular
    return g(x.detach())
''',
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_node_walk_and_nested_dummy_passes",
        kind="shortcut",
        misconception="Took the n derivatives by calling the graph's grad_fn nodes by hand, then ran n nested backward passes on an unrelated tensor.",
        code=_WALK + _EX2_HEAD + '''    derivative = f(x)
    for _ in range(n):
        derivative = _walk_grad(derivative, x)  # zero when the graph does not reach x
    dummy = torch.tensor(0.3, requires_grad=True)
    e = torch.sin(dummy)
    for k in range(n):
        e, = torch.autograd.grad(e, dummy, create_graph=k < n - 1)
    return derivative.detach()
''',
        hint={"en": "went through the output of f", "pt": "passou pela saída de f"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_last_pass_thrown_away",
        kind="shortcut",
        misconception="Nested the first n - 1 passes and ran the last one with zero weights, but took the last derivative by calling the graph's nodes by hand.",
        code=_WALK + _EX2_HEAD + '''    derivative = f(x)
    for _ in range(n - 1):
        if not derivative.requires_grad:
            return torch.zeros_like(x)
        derivative, = torch.autograd.grad(
            derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True, materialize_grads=True
        )
    if not derivative.requires_grad:
        return torch.zeros_like(x)
    torch.autograd.grad((derivative * 0).sum(), x, retain_graph=True, allow_unused=True)  # its result thrown away
    return _walk_grad(derivative, x).detach()
''',
        hint={"en": "none of its nested passes computed", "pt": "nenhuma das suas retropropagações aninhadas calculou"},
    ),
    # ------------------------------------------------------------------ ex3
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_forgot_create_graph",
        misconception="Computed the gradient without create_graph=True, so its components cannot be differentiated.",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p)
    rows = [torch.autograd.grad(gradient[i], p, retain_graph=True)[0] for i in range(p.numel())]
    return torch.stack(rows)
''',
        hint={"en": "has no graph", "pt": "não tem grafo"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_forgot_retain_graph",
        misconception="Differentiated the components of the gradient one after the other without retain_graph=True: the first call frees the graph the next one needs.",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    rows = [torch.autograd.grad(gradient[i], p)[0] for i in range(p.numel())]
    return torch.stack(rows)
''',
        hint={"en": "second time through the same graph", "pt": "segunda vez pelo mesmo grafo"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_grad_outputs_ones_on_gradient",
        misconception="Differentiated the whole gradient at once with grad_outputs of ones, believing it gives the Hessian: it gives the row sums H @ (1, ..., 1).",
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
        name="ex3_returned_list_of_rows",
        misconception="Returned the rows as a Python list, believing a list of rows is a matrix.",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    return [torch.autograd.grad(gradient[i], p, retain_graph=True)[0] for i in range(p.numel())]
''',
        hint={"en": "a Python list", "pt": "uma lista do Python"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_trusted_create_graph",
        misconception="Believed that with create_graph=True the gradient can always be differentiated: for a linear f it is a constant without a graph, and the next call raises.",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    rows = [torch.autograd.grad(gradient[i], p, retain_graph=True)[0] for i in range(p.numel())]
    return torch.stack(rows)
''',
        hint={"en": "linear in p", "pt": "linear em p"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_hard_coded_visible_point",
        kind="literal",
        misconception="Printed torch.autograd.functional.hessian of the prompt's example at (1, 0.5) in a scratch cell and typed its numbers.",
        code=_EX3_HEAD + '''    return torch.tensor([[3.4122, 5.4731], [5.4731, 1.6487]])
''',
        hint={"en": "never called f", "pt": "nunca chamou f"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_hand_formula",
        kind="formula",
        misconception="Worked out by hand the Hessian of the prompt's example x³y + exp(xy) and evaluated it at p.",
        code=_EX3_HEAD + '''    x, y = p[0], p[1]
    e = torch.exp(x * y)
    fxy = 3 * x**2 + (1 + x * y) * e
    return torch.stack([torch.stack([6 * x * y + y**2 * e, fxy]), torch.stack([fxy, x**2 * e])])
''',
        hint={"en": "never called f", "pt": "nunca chamou f"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_functional_hessian",
        kind="shortcut",
        misconception="Returned torch.autograd.functional.hessian(f, p), the check the prompt suggests, as the answer.",
        code=_EX3_HEAD + '''    return torch.autograd.functional.hessian(f, p)
''',
        hint={"en": "torch.autograd.functional", "pt": "torch.autograd.functional"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_torch_func_hessian",
        kind="shortcut",
        misconception="Returned torch.func.hessian(f)(p) instead of writing the nested calls.",
        code=_EX3_HEAD + '''    return torch.func.hessian(f)(p)
''',
        hint={"en": "torch.func", "pt": "torch.func"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_functional_hessian_of_two_inputs",
        kind="shortcut",
        misconception="Called torch.autograd.functional.hessian on a function of two separate inputs x and y and returned its tuple of tuples as the matrix.",
        code=_EX3_HEAD + '''    return torch.autograd.functional.hessian(lambda x, y: f(torch.stack([x, y])), (p[0], p[1]))
''',
        hint={"en": "returned a tuple", "pt": "devolveu uma tupla"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_lecture_snippet",
        kind="shortcut",
        misconception="Pasted the lecture's nested cell (two rows, row_x and row_y), which fits two variables and a gradient with a graph only.",
        code=_EX3_HEAD + '''    p_leaf = p.clone().requires_grad_(True)  # a leaf tensor that autograd tracks
    gradient, = torch.autograd.grad(f(p_leaf), p_leaf, create_graph=True)
    row_x, = torch.autograd.grad(gradient[0], p_leaf, retain_graph=True)  # derivatives of df/dx
    row_y, = torch.autograd.grad(gradient[1], p_leaf)  # derivatives of df/dy
    return torch.stack([row_x, row_y])
''',
        hint={"en": "linear in p", "pt": "linear em p"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_finite_differences",
        kind="shortcut",
        misconception="Estimated the Hessian with finite differences of f instead of autograd.",
        code=_EX3_HEAD + '''    k, h = p.numel(), 1e-2
    steps = torch.eye(k) * h
    hessian = torch.empty(k, k)
    for i in range(k):
        for j in range(k):
            hessian[i, j] = (
                f(p + steps[i] + steps[j]) - f(p + steps[i] - steps[j])
                - f(p - steps[i] + steps[j]) + f(p - steps[i] - steps[j])
            ) / (4 * h * h)
    return hessian
''',
        hint={"en": "points other than p", "pt": "pontos diferentes de p"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_batched_materialize_grads",
        misconception="Differentiated the gradient once with is_grads_batched=True and the rows of the identity as weights, trusting materialize_grads=True for a gradient whose graph no longer reaches p: PyTorch then gives zeros of the shape of p, not k rows.",
        code=_EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    if not gradient.requires_grad:
        return torch.zeros(p.numel(), p.numel(), dtype=p.dtype)
    hessian, = torch.autograd.grad(
        gradient, p, grad_outputs=torch.eye(p.numel(), dtype=p.dtype), is_grads_batched=True, materialize_grads=True
    )
    return hessian.detach()
''',
        hint={"en": "but its shape is (2,)", "pt": "mas o formato dele é (2,)"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_forward_mode_after_dummy_pass",
        kind="shortcut",
        misconception="Built H column by column in forward mode (the tangent of the gradient along each e_j), then ran a backward pass on an unrelated tensor so that two passes ran.",
        code="import torch.autograd.forward_ad as fwAD\n\n\n" + _EX3_HEAD + '''    columns = []
    for j in range(p.numel()):
        with fwAD.dual_level():
            e = torch.zeros_like(p)
            e[j] = 1
            p_dual = fwAD.make_dual(p, e)
            out = f(p_dual) + 0 * torch.sin(p_dual).sum()  # keeps a graph to p even for a linear f
            gradient, = torch.autograd.grad(out, p, create_graph=True)
            tangent = fwAD.unpack_dual(gradient).tangent
            columns.append(torch.zeros_like(p) if tangent is None else tangent.detach().clone())
    dummy = torch.zeros((), requires_grad=True)
    torch.autograd.grad(dummy * 1, dummy)  # one more backward pass, on nothing in particular
    return torch.stack(columns, dim=1)
''',
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_node_walk_and_dummy_passes",
        kind="shortcut",
        misconception="Built the gradient and the rows of H by calling the graph's grad_fn nodes by hand, then ran two nested backward passes on an unrelated tensor.",
        code=_WALK + _EX3_HEAD + '''    gradient = _walk_grad(f(p), p)
    hessian = torch.stack([_walk_grad(gradient[i], p) for i in range(p.numel())]).detach()
    dummy = torch.zeros((), requires_grad=True)
    g, = torch.autograd.grad(dummy**2, dummy, create_graph=True)
    torch.autograd.grad(g, dummy)
    return hessian
''',
        hint={"en": "went through the output of f", "pt": "passou pela saída de f"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_rows_walked_by_hand",
        kind="shortcut",
        misconception="Took the gradient with torch.autograd.grad and ran one pass for the first row, but built the rows of H by calling the nodes of the gradient's graph by hand.",
        code=_WALK + _EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p) + 0 * torch.sin(p).sum(), p, create_graph=True)
    torch.autograd.grad(gradient[0], p, retain_graph=True)  # one real pass, its result thrown away
    return torch.stack([_walk_grad(gradient[i], p) for i in range(p.numel())]).detach()
''',
        hint={"en": "none of its nested passes", "pt": "nenhuma das suas retropropagações aninhadas"},
    ),
]

RIGHT_ANSWERS = {
    "ex1_sum_then_backward_on_the_first": ("ex1_answer", _EX1_HEAD + '''    d1, = torch.autograd.grad(f(x).sum(), x, create_graph=True)  # elementwise f: the gradient of the sum is f'
    d1.sum().backward()  # x.grad was None: it now holds f''
    return x.grad
'''),
    "ex1_lists_and_keywords": ("ex1_answer", _EX1_HEAD + '''    y = f(x)
    (d1,) = torch.autograd.grad(outputs=[y], inputs=[x], grad_outputs=[torch.ones_like(y)], create_graph=True)
    d2 = torch.autograd.grad(outputs=[d1], inputs=[x], grad_outputs=[torch.ones_like(d1)])[0]
    return d2.detach()
'''),
    "ex2_surrogate_keeps_a_graph": ("ex2_answer", _EX2_HEAD + '''    # + 0 * sin(x) changes no value and no derivative, but keeps every derivative tied to x
    derivative = f(x) + 0 * torch.sin(x)
    for _ in range(n):
        derivative, = torch.autograd.grad(derivative, x, grad_outputs=torch.ones_like(derivative), create_graph=True)
    return derivative.detach()
'''),
    "ex2_allow_unused_none_is_zero": ("ex2_answer", _EX2_HEAD + '''    derivative = f(x)
    for k in range(n):
        if not derivative.requires_grad:
            return torch.zeros_like(x)
        derivative, = torch.autograd.grad(derivative.sum(), x, create_graph=k < n - 1, allow_unused=True)
        if derivative is None:  # the graph no longer reaches x
            return torch.zeros_like(x)
    return derivative.detach()
'''),
    "ex3_surrogate_keeps_a_graph": ("ex3_answer", _EX3_HEAD + '''    # + 0 * sum(sin p) changes no value and no derivative, but keeps every row tied to p
    gradient, = torch.autograd.grad(f(p) + 0 * torch.sin(p).sum(), p, create_graph=True)
    rows = [torch.autograd.grad(gradient[i], p, retain_graph=True)[0] for i in range(p.numel())]
    return torch.stack(rows).detach()
'''),
    "ex3_row_by_row_checks": ("ex3_answer", _EX3_HEAD + '''    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    rows = []
    for i in range(p.numel()):
        if gradient[i].requires_grad:
            row, = torch.autograd.grad(gradient[i], p, retain_graph=True, materialize_grads=True)
        else:
            row = torch.zeros_like(p)
        rows.append(row)
    return torch.stack(rows).detach()
'''),
    "ex3_batched_rows_allow_unused": ("ex3_answer", _EX3_HEAD + '''    k = p.numel()
    gradient, = torch.autograd.grad(f(p), p, create_graph=True)
    if not gradient.requires_grad:
        return torch.zeros(k, k, dtype=p.dtype)
    hessian, = torch.autograd.grad(
        gradient, p, grad_outputs=torch.eye(k, dtype=p.dtype), is_grads_batched=True, allow_unused=True
    )  # all k rows in one call, the weights e_i batched
    return torch.zeros(k, k, dtype=p.dtype) if hessian is None else hessian.detach()
'''),
}
