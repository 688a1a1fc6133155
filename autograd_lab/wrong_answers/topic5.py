"""Wrong answers to assignment 5 (gradients through Python control flow).

Each ``code`` is the whole solution cell as a student would have typed it:
the given first line (the ``def`` of the function to write) plus the mistake.
The functions to differentiate (``h``, ``g``, ``f``) are defined in locked
cells above the answer cells.
"""

from autograd_lab.wrong_answers import WrongAnswer

# Exercise 2 is a prediction: the student works the gradient out by hand from the formulas of the branches.
PREDICTIONS = ("ex2",)

# The first line of each solution cell, as given.
_EX1 = "def derivative_of_h(x_value):\n"
_EX2 = "def predicted_grad(x):\n"
_EX3 = "def control_flow_grad(func, a):\n"

# A fresh leaf at the point, as most answers to exercise 1 start.
_LEAF = "    x = torch.tensor(float(x_value), requires_grad=True)\n"

# A dummy backward pass: a tensor of its own, unrelated to the function to differentiate, so that "a backward pass
# ran" while the answer comes from somewhere else.
_DUMMY = "    dummy = torch.zeros((), requires_grad=True)\n    (dummy * 1).backward()\n"

# A reverse walk written by hand: the nodes of the graph (grad_fn, next_functions) called one by one, with no
# backward() and no torch.autograd.grad, as a student who games the exercise types it.
_WALK = """def _walk_grad(out, leaf):
    order, seen = [], set()

    def visit(node):
        if node is None or node in seen:
            return
        seen.add(node)
        for child, _ in node.next_functions:
            visit(child)
        order.append(node)

    visit(out.grad_fn)
    grads = {out.grad_fn: torch.ones_like(out)}
    result = torch.zeros_like(leaf)
    for node in reversed(order):
        incoming = grads.pop(node, None)
        if incoming is None:
            continue
        if type(node).__name__ == "AccumulateGrad":
            if node.variable is leaf:
                result = result + incoming
            continue
        outs = node(incoming) if callable(node) else node.apply(incoming)
        if not isinstance(outs, tuple):
            outs = (outs,)
        for (child, _), out_grad in zip(node.next_functions, outs):
            if child is None or out_grad is None:
                continue
            grads[child] = grads[child] + out_grad if child in grads else out_grad
    return result


"""

WRONG_ANSWERS = [
    # ------------------------------------------------------------ exercise 1
    WrongAnswer(
        cell="ex1_answer",
        name="value_instead_of_gradient",
        misconception="Returned the value h(x) instead of the derivative: never started a backward pass.",
        code=_EX1 + _LEAF + "    return h(x)\n",
        hint={"en": "the value of the function", "pt": "o valor da função"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="d_over_x_shortcut",
        misconception=(
            "Reused the lecture's a.grad == d / a for a function that is not linear in x on its path "
            "(h squares x, so h(x) / x is half the derivative)."
        ),
        code=_EX1 + _LEAF + "    z = h(x)\n    z.backward()\n    return z / x\n",
        hint={"en": "linear in x", "pt": "linear em x"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="backward_twice_accumulates",
        misconception="Ran h and backward() twice (once to look, once for the answer) without zeroing x.grad.",
        code=_EX1 + _LEAF + "    h(x).backward()\n    print('gradient:', x.grad)\n    h(x).backward()\n    return x.grad\n",
        hint={"en": "accumulated", "pt": "acumulou"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="dropped_else_branch",
        misconception=(
            "Assumed the gradient is the same on both branches, so differentiated a copy of the loop of h without "
            "the final if/else (the else branch multiplies by -2), instead of h itself."
        ),
        code=_EX1 + _LEAF + "    y = x * x\n    while y < 100:\n        y = y * 3\n    y.backward()\n    return x.grad\n",
        hint={"en": "a copy of the code of h", "pt": "uma cópia do código de h"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="forgot_backward",
        misconception="Read x.grad right after the forward pass, believing autograd fills it by itself.",
        code=_EX1 + _LEAF + "    z = h(x)\n    return x.grad\n",
        hint={"en": "until you call backward()", "pt": "até você chamar backward()"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="autograd_grad_returns_a_tuple",
        misconception="Returned what torch.autograd.grad returns, a tuple with one gradient per input, not the gradient.",
        code=_EX1 + _LEAF + "    return torch.autograd.grad(h(x), x)\n",
        hint={"en": "builtins.tuple", "pt": "builtins.tuple"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="literal_486",
        kind="literal",
        misconception="Typed in the derivative at -1.5 printed by an earlier run (486).",
        code=_EX1 + "    return torch.tensor(486.0)\n",
        hint={"en": "no backward pass ran", "pt": "nenhuma retropropagação rodou"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="literal_486_after_a_backward_pass",
        kind="literal",
        misconception="Ran a backward pass to satisfy the visible test, but returned the number 486 printed by an earlier run.",
        code=_EX1 + _LEAF + "    h(x).backward()\n    return torch.tensor(486.0)\n",
        hint={"en": "is not the derivative of h at", "pt": "não é a derivada de h em"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="piecewise_formula_by_hand",
        kind="formula",
        misconception="Worked out h'(x) by hand: count the triplings n, then 2 * 3**n * x, times -2 on the else branch.",
        code=_EX1
        + "    y = x_value * x_value\n    n = 0\n    while y < 100:\n        y = y * 3\n        n += 1\n"
        + "    slope = 2 * 3**n * x_value\n    if x_value <= 0:\n        slope = -2 * slope\n"
        + "    return torch.tensor(slope)\n",
        hint={"en": "no backward pass ran", "pt": "nenhuma retropropagação rodou"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="two_h_over_x_after_a_backward_pass",
        kind="formula",
        misconception=(
            "Ran a backward pass, then returned the hand formula 2 * h(x) / x (h is c * x**2 on every path), "
            "which equals h's slope but is not what autograd reports."
        ),
        code=_EX1 + _LEAF + "    z = h(x)\n    z.backward()\n    return 2 * z.detach() / x.detach()\n",
        hint={"en": "the slope of the values", "pt": "a inclinação dos valores"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="finite_differences",
        kind="shortcut",
        misconception="Estimated the derivative with a central finite difference instead of autograd.",
        code=_EX1
        + "    step = 1e-6\n    x = torch.tensor(x_value, dtype=torch.float64)\n"
        + "    return (h(x + step) - h(x - step)) / (2 * step)\n",
        hint={"en": "no backward pass ran", "pt": "nenhuma retropropagação rodou"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="finite_differences_after_a_backward_pass",
        kind="shortcut",
        misconception="Ran a backward pass to satisfy the visible test, but returned a finite difference.",
        code=_EX1
        + _LEAF
        + "    h(x).backward()\n    step = 1e-6\n    x64 = torch.tensor(x_value, dtype=torch.float64)\n"
        + "    return ((h(x64 + step) - h(x64 - step)) / (2 * step)).float()\n",
        hint={"en": "the slope of the values", "pt": "a inclinação dos valores"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="torch_func_grad",
        kind="shortcut",
        misconception="Used torch.func.grad, which the prompt rules out, instead of a backward pass of its own.",
        code=_EX1 + "    return torch.func.grad(h)(torch.tensor(float(x_value)))\n",
        hint={"en": "torch.func", "pt": "torch.func"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="lecture_snippet_pasted",
        kind="shortcut",
        misconception="Pasted the lecture's first cell (a seeded random point, then backward) with h for f, ignoring x_value.",
        code=_EX1
        + "    torch.manual_seed(0)\n    a = torch.randn(size=(), requires_grad=True)\n"
        + "    d = h(a)\n    d.backward()\n    return a.grad\n",
        hint={"en": "does your function use x_value", "pt": "a sua função usa x_value"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="forward_mode_after_a_dummy_backward",
        kind="shortcut",
        misconception=(
            "Took the derivative in forward mode (torch.autograd.forward_ad, a dual number through h), then ran a "
            "backward pass on an unrelated tensor so that 'a backward pass ran'."
        ),
        code="import torch.autograd.forward_ad as fwAD\n\n\n"
        + _EX1
        + "    with fwAD.dual_level():\n"
        + "        x = fwAD.make_dual(torch.tensor(float(x_value)), torch.tensor(1.0))\n"
        + "        slope = fwAD.unpack_dual(h(x)).tangent\n"
        + _DUMMY
        + "    return slope.detach().clone()\n",
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="finite_differences_after_a_dummy_backward",
        kind="shortcut",
        misconception="Returned a central finite difference of h, after a backward pass on an unrelated tensor.",
        code=_EX1
        + "    step = 1e-6\n    x64 = torch.tensor(x_value, dtype=torch.float64)\n"
        + "    slope = (h(x64 + step) - h(x64 - step)) / (2 * step)\n"
        + _DUMMY
        + "    return slope.float()\n",
        hint={"en": "did not go through the output of h", "pt": "não passou pela saída de h"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="node_walk_after_a_dummy_backward",
        kind="shortcut",
        misconception=(
            "Walked the graph of h by hand (grad_fn, next_functions, each node called with its gradient) instead of "
            "a backward pass, then ran a backward pass on an unrelated tensor."
        ),
        code=_WALK
        + _EX1
        + "    x = torch.tensor(float(x_value), requires_grad=True)\n    slope = _walk_grad(h(x), x)\n"
        + _DUMMY
        + "    return slope.detach()\n",
        hint={"en": "did not go through the output of h", "pt": "não passou pela saída de h"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="node_walk_next_to_a_real_backward",
        kind="shortcut",
        misconception=(
            "Walked the graph of h by hand (its nodes called one by one) and returned that, with a real backward "
            "pass from h's output next to it only to satisfy the tests."
        ),
        code=_WALK
        + _EX1
        + "    x = torch.tensor(float(x_value), requires_grad=True)\n    z = h(x)\n"
        + "    slope = _walk_grad(z, x)\n    z.backward()\n    return slope.detach()\n",
        hint={"en": "called by hand", "pt": "chamado à mão"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="cached_by_point_after_a_dummy_backward",
        kind="shortcut",
        misconception=(
            "Kept each derivative in a dict by x_value and, at a point already seen, returned the kept value after "
            "a backward pass on an unrelated tensor."
        ),
        code="_kept = {}\n\n\n"
        + _EX1
        + "    if x_value in _kept:\n"
        + _DUMMY.replace("    ", "        ", 2).replace("\n    (", "\n        (")
        + "        return _kept[x_value].clone()\n"
        + _LEAF
        + "    h(x).backward()\n    _kept[x_value] = x.grad.clone()\n    return x.grad\n",
        hint={"en": "a value kept from an earlier call", "pt": "um valor guardado de uma chamada anterior"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="cached_by_point_after_a_real_backward",
        kind="shortcut",
        misconception=(
            "Kept each derivative in a dict by x_value and, at a point already seen, ran the backward pass through "
            "h but returned the kept value: h may have changed since."
        ),
        code="_kept = {}\n\n\n"
        + _EX1
        + _LEAF
        + "    h(x).backward()\n    if x_value not in _kept:\n        _kept[x_value] = x.grad.clone()\n"
        + "    return _kept[x_value].clone()\n",
        hint={"en": "a value kept from an earlier call", "pt": "um valor guardado de uma chamada anterior"},
    ),
    # ------------------------------------------------------------ exercise 2
    WrongAnswer(
        cell="ex2_answer",
        name="branch_per_component",
        misconception="Believed the if chooses a branch per component, like torch.where, instead of once for the whole tensor.",
        code=_EX2 + "    return torch.where(x > 0, 3 * x**2, torch.full_like(x, 5.0))\n",
        hint={"en": "whole tensor", "pt": "tensor inteiro"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="same_gradient_on_both_branches",
        misconception="Assumed the gradient is the same on both branches and used the derivative of x**3 everywhere.",
        code=_EX2 + "    return 3 * x**2\n",
        hint={"en": "not the same on both branches", "pt": "não é o mesmo nos dois ramos"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="value_of_the_branch",
        misconception="Returned the value of each branch (x**3, 5 * x) instead of its derivative.",
        code=_EX2 + "    if x.sum() > 0:\n        return x**3\n    return 5 * x\n",
        hint={"en": "not its derivative", "pt": "não a sua derivada"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="single_number_on_else_branch",
        misconception="Thought that the derivative of (5 * x).sum() is the single number 5, not 5 in every component.",
        code=_EX2 + "    if x.sum() > 0:\n        return 3 * x**2\n    return torch.tensor(5.0)\n",
        hint={"en": "one entry per component", "pt": "uma entrada por componente"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="greater_or_equal_condition",
        misconception="Put the boundary on the wrong side: when the sum is exactly 0 the else branch runs, not the if branch.",
        code=_EX2 + "    if x.sum() >= 0:\n        return 3 * x**2\n    return torch.full_like(x, 5.0)\n",
        hint={"en": "exactly 0", "pt": "exatamente 0"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="hard_coded_visible_values",
        kind="literal",
        misconception="Hard-coded the gradients of the two examples p and q, copied from running autograd on them.",
        code=_EX2 + "    if x.sum() > 0:\n        return torch.tensor([12.0, 3.0])\n    return torch.tensor([5.0, 5.0])\n",
        hint={"en": "by hand", "pt": "à mão"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="autograd_instead_of_prediction",
        kind="shortcut",
        misconception="Let autograd compute the gradient (a backward pass through g) instead of predicting it.",
        code=_EX2 + "    leaf = x.detach().clone().requires_grad_(True)\n    g(leaf).backward()\n    return leaf.grad\n",
        hint={"en": "uses backward, grad", "pt": "usa backward, grad"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="torch_func_grad_instead_of_prediction",
        kind="shortcut",
        misconception="Let torch.func.grad compute the gradient instead of predicting it.",
        code=_EX2 + "    return torch.func.grad(g)(x)\n",
        hint={"en": "uses func, grad", "pt": "usa func, grad"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="finite_differences_on_g",
        kind="shortcut",
        misconception="Measured the gradient of g with central finite differences instead of predicting it.",
        code=_EX2
        + "    step = 1e-6\n    x64 = x.detach().to(torch.float64)\n    grad = torch.zeros_like(x64)\n"
        + "    for i in range(x64.numel()):\n        e = torch.zeros_like(x64)\n        e.view(-1)[i] = step\n"
        + "        grad.view(-1)[i] = (g(x64 + e) - g(x64 - e)) / (2 * step)\n    return grad.to(x.dtype)\n",
        hint={"en": "called g", "pt": "chamou g"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="finite_differences_on_a_copy_of_g",
        kind="shortcut",
        misconception=(
            "Measured the gradient with central finite differences on a copy of g's code (so as not to call g): "
            "near a sum of 0 the two sides of the difference fall on different branches."
        ),
        code=_EX2
        + "    def copy_of_g(t):\n        if t.sum() > 0:\n            return (t**3).sum()\n        return (5 * t).sum()\n\n"
        + "    step = 1e-6\n    x64 = x.detach().to(torch.float64)\n    grad = torch.zeros_like(x64)\n"
        + "    for i in range(x64.numel()):\n        e = torch.zeros_like(x64)\n        e.view(-1)[i] = step\n"
        + "        grad.view(-1)[i] = (copy_of_g(x64 + e) - copy_of_g(x64 - e)) / (2 * step)\n"
        + "    return grad.to(x.dtype)\n",
        hint={"en": "but autograd gives", "pt": "mas o autograd dá"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="jacfwd_on_a_copy_of_g",
        kind="shortcut",
        misconception=(
            "Let forward-mode autograd (torch.func.jacfwd, no backward pass) compute the gradient of a copy of "
            "g's code, so as not to call g."
        ),
        code=_EX2
        + "    def copy_of_g(t):\n        if t.sum() > 0:\n            return (t**3).sum()\n        return (5 * t).sum()\n\n"
        + "    return torch.func.jacfwd(copy_of_g)(x)\n",
        hint={"en": "uses func, jacfwd", "pt": "usa func, jacfwd"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="node_walk_on_g_under_another_name",
        kind="shortcut",
        misconception=(
            "Kept a reference to g under another name (so the tests' swap of the global g misses it), switched "
            "autograd back on and walked the graph of g by hand instead of predicting."
        ),
        code=_WALK
        + "_g = g\n\n\n"
        + _EX2
        + "    with torch.enable_grad():\n        t = x.detach().clone().requires_grad_(True)\n"
        + "        return _walk_grad(_g(t), t).detach()\n",
        hint={"en": "uses enable_grad, grad_fn, next_functions", "pt": "usa enable_grad, grad_fn, next_functions"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="finite_differences_on_g_under_another_name",
        kind="shortcut",
        misconception=(
            "Kept a reference to g under another name and measured it with one-sided finite differences, with a "
            "small relative step, instead of predicting."
        ),
        code="_g = g\n\n\n"
        + _EX2
        + "    x64 = x.detach().to(torch.float64)\n    flat = x64.reshape(-1)\n    grad = torch.empty_like(flat)\n"
        + "    base = _g(x64)\n    for i in range(flat.numel()):\n        step = torch.zeros_like(flat)\n"
        + "        step[i] = 1e-8 * max(1.0, abs(flat[i].item()))\n"
        + "        grad[i] = (base - _g((flat - step).reshape(x64.shape))) / step[i]\n"
        + "    return grad.reshape(x.shape).to(x.dtype)\n",
        hint={"en": "uses g under another name", "pt": "usa g com outro nome"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="finite_differences_on_g_as_a_default_argument",
        kind="shortcut",
        misconception=(
            "Bound g to a default argument, so that no global name refers to it, and measured it with one-sided "
            "finite differences instead of predicting."
        ),
        code="def predicted_grad(x, measured=g):\n"
        + "    x64 = x.detach().to(torch.float64)\n    flat = x64.reshape(-1)\n    grad = torch.empty_like(flat)\n"
        + "    base = measured(x64)\n    for i in range(flat.numel()):\n        step = torch.zeros_like(flat)\n"
        + "        step[i] = 1e-8 * max(1.0, abs(flat[i].item()))\n"
        + "        grad[i] = (base - measured((flat - step).reshape(x64.shape))) / step[i]\n"
        + "    return grad.reshape(x.shape).to(x.dtype)\n",
        hint={"en": "under its own name or another", "pt": "com o nome dela ou com outro"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="node_walk_with_names_spelled_at_run_time",
        kind="shortcut",
        misconception=(
            "Walked the graph of a copy of g by hand, spelling autograd's names at run time (getattr) so that no "
            "check of names sees them, after switching autograd back on."
        ),
        code="def _copy_of_g(t):\n    if t.sum() > 0:\n        return (t**3).sum()\n    return (5 * t).sum()\n\n\n"
        + _EX2
        + "    with getattr(torch, 'enable_' + 'grad')():\n        t = x.detach().clone()\n"
        + "        setattr(t, 'requires_' + 'grad', True)\n        out = _copy_of_g(t)\n"
        + "        node = getattr(out, 'grad' + '_fn')\n        first = node(torch.ones_like(out))\n"
        + "        inner = getattr(node, 'next_' + 'functions')[0][0]\n        second = inner(first)\n"
        + "        return (second[0] if isinstance(second, tuple) else second).detach()\n",
        hint={"en": "switched autograd back on", "pt": "religou o autograd"},
    ),
    # ------------------------------------------------------------ exercise 3
    WrongAnswer(
        cell="ex3_answer",
        name="backward_on_vector_output",
        misconception="Called backward() on the vector func(a), as for a scalar input.",
        code=_EX3 + "    leaf = a.detach().clone().requires_grad_(True)\n    func(leaf).backward()\n    return leaf.grad\n",
        hint={"en": "not a scalar", "pt": "não é um escalar"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="d_over_a_instead_of_autograd",
        misconception="Returned func(a) / a because the lecture showed a.grad == d / a, forgetting that it is 0 / 0 where a is 0.",
        code=_EX3 + "    return func(a) / a\n",
        hint={"en": "divides by zero", "pt": "divide por zero"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="mean_instead_of_sum",
        misconception="Reduced the output with mean() instead of sum(), dividing the gradient by the number of entries.",
        code=_EX3 + "    leaf = a.detach().clone().requires_grad_(True)\n    func(leaf).mean().backward()\n    return leaf.grad\n",
        hint={"en": "divided by", "pt": "dividido por"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_the_leaf_not_its_grad",
        misconception="Returned the tensor that requires grad instead of its .grad.",
        code=_EX3 + "    leaf = a.detach().clone().requires_grad_(True)\n    func(leaf).sum().backward()\n    return leaf\n",
        hint={"en": "the input itself", "pt": "a própria entrada"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="gradient_accumulates_across_calls",
        misconception=(
            "Turned on requires_grad on the caller's tensor and returned its .grad: a second call on the same "
            "tensor adds to the first (gradients accumulate; nothing zeroes them)."
        ),
        code=_EX3 + "    a.requires_grad_(True)\n    func(a).sum().backward()\n    return a.grad\n",
        hint={"en": "gradients accumulate", "pt": "os gradientes se acumulam"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="zero_grad_while_still_none",
        misconception=(
            "Zeroed a.grad before the backward pass, so that gradients do not accumulate across calls, but a.grad "
            "is None until a first backward pass reaches it."
        ),
        code=_EX3 + "    a.requires_grad_(True)\n    a.grad.zero_()\n    func(a).sum().backward()\n    return a.grad\n",
        hint={"en": "nothing to zero yet", "pt": "ainda não há nada para zerar"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="one_backward_pass_per_component",
        misconception=(
            "Believed a vector output needs one backward pass per component, summing the rows of the Jacobian "
            "one pass at a time, where one pass from the sum gives them all."
        ),
        code=_EX3
        + "    leaf = a.detach().clone().requires_grad_(True)\n    out = func(leaf).reshape(-1)\n"
        + "    total = torch.zeros_like(leaf)\n    for i in range(out.numel()):\n"
        + "        (row,) = torch.autograd.grad(out[i], leaf, retain_graph=True)\n        total = total + row\n"
        + "    return total\n",
        hint={"en": "backward passes in one call", "pt": "retropropagações numa só chamada"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="lecture_grad_512",
        kind="literal",
        misconception="Typed in the gradient the lecture printed for its matrix example (512 in every entry).",
        code=_EX3 + "    return torch.full_like(a, 512.0)\n",
        hint={"en": "no backward pass ran", "pt": "nenhuma retropropagação rodou"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="k_of_the_path_by_hand",
        kind="formula",
        misconception="Worked out f's gradient by hand from its path (k = 2**n, times 100 on the else branch), ignoring func.",
        code=_EX3
        + "    b = a * 2\n    n = 1\n    while b.norm() < 1000:\n        b = b * 2\n        n += 1\n"
        + "    k = 2.0**n if b.sum() > 0 else 100 * 2.0**n\n    return torch.full_like(a, k)\n",
        hint={"en": "no backward pass ran", "pt": "nenhuma retropropagação rodou"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="finite_differences_of_the_sum_after_a_backward_pass",
        kind="shortcut",
        misconception=(
            "Ran a backward pass to satisfy the visible test, but returned central finite differences of the sum."
        ),
        code=_EX3
        + "    leaf = a.detach().clone().requires_grad_(True)\n    func(leaf).sum().backward()\n"
        + "    step = 1e-6\n    a64 = a.detach().to(torch.float64)\n    grad = torch.zeros_like(a64)\n"
        + "    for i in range(a64.numel()):\n        e = torch.zeros_like(a64)\n        e.view(-1)[i] = step\n"
        + "        grad.view(-1)[i] = (func(a64 + e).sum() - func(a64 - e).sum()) / (2 * step)\n"
        + "    return grad.to(a.dtype)\n",
        hint={"en": "the slope of the values", "pt": "a inclinação dos valores"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="functional_jacobian",
        kind="shortcut",
        misconception="Built the whole Jacobian with torch.autograd.functional.jacobian, which the prompt rules out, and summed its rows.",
        code=_EX3 + "    return torch.autograd.functional.jacobian(lambda t: func(t).sum(), a)\n",
        hint={"en": "torch.autograd.functional", "pt": "torch.autograd.functional"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="tensor_that_agrees_with_everything",
        kind="shortcut",
        misconception="Returned a tensor subclass that answers True to every torch.allclose, hoping the tests compare with it.",
        code="class Agreeable(torch.Tensor):\n    @classmethod\n"
        + "    def __torch_function__(cls, func, types, args=(), kwargs=None):\n"
        + "        if func is torch.allclose:\n            return True\n"
        + "        return super().__torch_function__(func, types, args, kwargs or {})\n\n\n"
        + _EX3 + "    return torch.zeros_like(a).as_subclass(Agreeable)\n",
        hint={"en": "plain torch.Tensor", "pt": "torch.Tensor comum"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="forward_mode_per_entry_after_a_dummy_backward",
        kind="shortcut",
        misconception=(
            "Took the gradient in forward mode, one tangent per entry of a (torch.autograd.forward_ad), then ran a "
            "backward pass on an unrelated tensor so that 'a backward pass ran'."
        ),
        code="import torch.autograd.forward_ad as fwAD\n\n\n"
        + _EX3
        + "    base = a.detach()\n    grad = torch.zeros(base.numel(), dtype=base.dtype)\n"
        + "    for i in range(base.numel()):\n        tangent = torch.zeros(base.numel(), dtype=base.dtype)\n"
        + "        tangent[i] = 1\n        with fwAD.dual_level():\n"
        + "            t = fwAD.make_dual(base.clone(), tangent.reshape(base.shape))\n"
        + "            grad[i] = fwAD.unpack_dual(func(t)).tangent.sum()\n"
        + _DUMMY
        + "    return grad.reshape(base.shape)\n",
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="node_walk_on_the_sum_after_a_dummy_backward",
        kind="shortcut",
        misconception=(
            "Walked the graph of the sum of func(a) by hand (grad_fn, next_functions, each node called with its "
            "gradient), then ran a backward pass on an unrelated tensor."
        ),
        code=_WALK
        + _EX3
        + "    leaf = a.detach().clone().requires_grad_(True)\n    grad = _walk_grad(func(leaf).sum(), leaf).detach()\n"
        + _DUMMY
        + "    return grad\n",
        hint={"en": "did not go through the output of func", "pt": "não passou pela saída de func"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="node_walk_on_the_sum_next_to_a_real_backward",
        kind="shortcut",
        misconception=(
            "Walked the graph of the sum of func(a) by hand and returned that, with a real backward pass from the "
            "sum (times 0) next to it only to satisfy the tests."
        ),
        code=_WALK
        + _EX3
        + "    leaf = a.detach().clone().requires_grad_(True)\n    total = func(leaf).sum()\n"
        + "    grad = _walk_grad(total, leaf).detach()\n    (total * 0).backward()\n    return grad\n",
        hint={"en": "called by hand", "pt": "chamado à mão"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="cached_by_values_after_a_real_backward",
        kind="shortcut",
        misconception=(
            "Kept each gradient in a dict by the values of a and, for values already seen, ran the backward pass "
            "but returned the kept gradient, whatever func is."
        ),
        code="_kept = {}\n\n\n"
        + _EX3
        + "    key = (tuple(a.shape), tuple(a.reshape(-1).tolist()))\n"
        + "    leaf = a.detach().clone().requires_grad_(True)\n    func(leaf).sum().backward()\n"
        + "    if key not in _kept:\n        _kept[key] = leaf.grad.clone()\n    return _kept[key].clone()\n",
        hint={"en": "the function it is given", "pt": "a função que recebe"},
    ),
]

# Other correct answers, written another way than the reference: each must keep full marks.
RIGHT_ANSWERS = {
    "ex1_autograd_grad_float64_vector": ("ex1_answer", """def derivative_of_h(x_value):
    x = torch.tensor([x_value], dtype=torch.float64, requires_grad=True)
    (d,) = torch.autograd.grad(h(x).sum(), x)
    return d[0]
"""),
    "ex1_torch_autograd_backward": ("ex1_answer", """def derivative_of_h(x_value):
    x = torch.tensor(x_value, requires_grad=True)
    z = h(x)
    torch.autograd.backward(z)
    return x.grad.detach().clone()
"""),
    "ex2_where_on_the_sum": ("ex2_answer", """def predicted_grad(x):
    return torch.where(x.sum() > 0, 3 * x * x, 5 * torch.ones_like(x))
"""),
    "ex2_new_full": ("ex2_answer", """def predicted_grad(x):
    if x.sum().item() <= 0:
        return x.new_full(x.shape, 5.0)
    return 3.0 * x.pow(2)
"""),
    "ex3_autograd_grad_with_ones": ("ex3_answer", """def control_flow_grad(func, a):
    x = a.detach().requires_grad_()
    y = func(x)
    (grad,) = torch.autograd.grad(y, x, grad_outputs=torch.ones_like(y))
    return grad
"""),
    "ex3_caller_tensor_switched_back": ("ex3_answer", """def control_flow_grad(func, a):
    a.requires_grad_(True)
    try:
        y = func(a)
        (grad,) = torch.autograd.grad(y, a, grad_outputs=torch.ones_like(y))
    finally:
        a.requires_grad_(False)
    return grad
"""),
    "ex3_backward_in_float64": ("ex3_answer", """def control_flow_grad(func, a):
    leaf = a.detach().to(torch.float64).requires_grad_(True)
    torch.autograd.backward(func(leaf).sum())
    return leaf.grad.to(a.dtype)
"""),
}
