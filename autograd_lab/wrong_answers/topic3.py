"""Wrong answers to assignment 3 (partial derivatives of a two-variable function).

Exercise 1 is ``partials_of_g(x1_values, x2_values)``, which returns both
partial derivatives of g at the points it receives (two points, one per
partial derivative, graded apart): the tests watch its one backward pass and
compare what it returns with what that pass stored in ``x1.grad`` and
``x2.grad``; the hidden tests call it at fresh points and check that the
pass started from g and carried the derivative of 2·e^x2 back through an
exponential of x2 in g's graph (a surrogate built from the hand formula, or
an exponential multiplied by 0, fails there).
Exercise 2 is ``gradient_of(f, x1, x2)`` for any function ``f`` the tests
pass in (random ones and ``_marked`` ones among the hidden tests, whose
backward must run under autograd's engine at every call); exercise 3 fixes
``partials_of_h``, whose backward pass the tests watch in the same way as
exercise 1's.

``RIGHT_ANSWERS`` are other correct ways to answer, each of which must get
full marks: ``math.e ** x2`` among them, which works because ``**`` with a
tensor on its right is a tensor operation.
"""

from autograd_lab.wrong_answers import WrongAnswer

HEAD = """def partials_of_g(x1_values, x2_values):
    x1 = torch.tensor(x1_values)
    x2 = torch.tensor(x2_values)
"""
GRADS_ON = """    x1.requires_grad_(True)
    x2.requires_grad_(True)
"""
G = "    g = x1**2 * x2 + 2 * torch.exp(x2)\n"
H = """def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
"""

WRONG_ANSWERS = [
    # ------------------------------------------------------------------ ex1
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_math_exp",
        misconception="Wrote e^x2 with math.exp, which only takes Python numbers, on a tensor of several values.",
        code=HEAD + GRADS_ON + """    g = x1**2 * x2 + 2 * math.exp(x2)
    g.sum().backward()
    return x1.grad, x2.grad
""",
        hint={"en": "math.exp received a tensor", "pt": "math.exp recebeu um tensor"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_backward_on_vector",
        misconception="Called backward() directly on g, a vector with one value per point, instead of on its sum.",
        code=HEAD + GRADS_ON + G + """    g.backward()
    return x1.grad, x2.grad
""",
        hint={"en": "you called backward() on the vector g", "pt": "você chamou backward() no vetor g"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_swapped_partials",
        misconception="Thought x1.grad holds the derivative with respect to the other variable, and swapped the partials.",
        code=HEAD + GRADS_ON + G + """    g.sum().backward()
    return x2.grad, x1.grad
""",
        hint={"en": "swapped", "pt": "trocadas"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_one_backward_per_partial",
        misconception="Believed each partial derivative needs its own backward() and ran it twice, so the gradients accumulated.",
        code=HEAD + GRADS_ON + G + """    g.sum().backward()
    dg_dx1 = x1.grad
    g = x1**2 * x2 + 2 * torch.exp(x2)
    g.sum().backward()
    dg_dx2 = x2.grad
    return dg_dx1, dg_dx2
""",
        hint={"en": "accumulated", "pt": "acumularam"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_zeroed_after_reading",
        misconception="Cleared the gradients with zero_() right after reading them, as the notes do, not seeing that "
        "dg_dx1 names the same tensor as x1.grad, not a copy.",
        code=HEAD + GRADS_ON + G + """    g.sum().backward()
    dg_dx1 = x1.grad
    dg_dx2 = x2.grad
    # PyTorch accumulates gradients: clear them once read
    x1.grad.zero_()
    x2.grad.zero_()
    return dg_dx1, dg_dx2
""",
        hint={"en": "not a copy", "pt": "não a uma cópia"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_numpy_arrays",
        misconception="Converted the partial derivatives to NumPy arrays to print them, so the answers are not tensors.",
        code=HEAD + GRADS_ON + G + """    g.sum().backward()
    return x1.grad.numpy(), x2.grad.numpy()
""",
        hint={"en": "should be a plain torch.Tensor", "pt": "deveria ser um torch.Tensor comum"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_x2_left_without_requires_grad",
        misconception="Made only x1 require gradients, thinking one tensor that requires grad is enough for the graph: "
        "x2.grad stays None, and only ∂g/∂x2 is lost.",
        code=HEAD + """    x1.requires_grad_(True)
""" + G + """    g.sum().backward()
    return x1.grad, x2.grad
""",
        hint={"en": "is None", "pt": "é None"},
        loses=("ex1_tests_dx2",),
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_mean_instead_of_sum",
        misconception="Reduced g's values with mean(), as for a loss, which divides every point's derivatives by the number of points.",
        code=HEAD + GRADS_ON + G + """    g.mean().backward()
    return x1.grad, x2.grad
""",
        hint={"en": "divides the derivative at each point by the number of points",
              "pt": "divide a derivada em cada ponto pelo número de pontos"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_worked_out_by_hand",
        kind="formula",
        misconception="Worked the partial derivatives out by hand and returned them instead of using autograd.",
        code=HEAD + """    return 2 * x1 * x2, x1**2 + 2 * torch.exp(x2)
""",
        hint={"en": "by hand", "pt": "à mão"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_grad_assigned_from_formula",
        kind="formula",
        misconception="Set x1.grad and x2.grad from the partial derivatives worked out by hand, without a backward pass.",
        code=HEAD + GRADS_ON + """    x1.grad = 2 * x1.detach() * x2.detach()
    x2.grad = x1.detach() ** 2 + 2 * torch.exp(x2.detach())
    return x1.grad, x2.grad
""",
        hint={"en": "No backward pass ran inside partials_of_g", "pt": "Nenhuma retropropagação rodou dentro de partials_of_g"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_surrogate_with_hand_gradient",
        kind="formula",
        misconception="Built, from the partial derivatives worked out by hand, a surrogate with g's values whose "
        "gradient is that formula (linear in x1 and x2 around the detached points), and ran the backward pass from it.",
        code=HEAD + GRADS_ON + """    a, b = x1.detach(), x2.detach()
    g = (a**2 * b + 2 * torch.exp(b)) + 2 * a * b * (x1 - a) + (a**2 + 2 * torch.exp(b)) * (x2 - b)
    g.sum().backward()
    return x1.grad, x2.grad
""",
        hint={"en": "holds no exponential of x2", "pt": "não tem nenhuma exponencial de x2"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_leaf_hooks_write_the_formula",
        kind="formula",
        misconception="Registered hooks on x1 and x2 that replace whatever gradient arrives by the partial derivatives "
        "worked out by hand, and ran the backward pass from a tensor with the value of g's sum but no gradient.",
        code=HEAD + GRADS_ON + G + """    x1.register_hook(lambda grad: 2 * x1.detach() * x2.detach())
    x2.register_hook(lambda grad: x1.detach() ** 2 + 2 * torch.exp(x2.detach()))
    ((g * 0).sum() + g.sum().detach()).backward()
    return x1.grad, x2.grad
""",
        hint={"en": "did not carry the derivative of the term 2·e^x2", "pt": "não levou de volta por ela a derivada do termo 2·e^x2"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_grad_assigned_literal",
        kind="literal",
        misconception="Typed in the values printed by a run of the code at the three points, and put them in x1.grad and x2.grad.",
        code=HEAD + GRADS_ON + """    x1.grad = torch.tensor([0.0, -4.0, -1.5])
    x2.grad = torch.tensor([3.0, 4.7358, 5.5474])
    return x1.grad, x2.grad
""",
        hint={"en": "Numbers typed in", "pt": "Números digitados"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_dummy_backward_then_typed_values",
        kind="literal",
        misconception="Ran a backward pass with weight 0 so that the tests see one, then copied the values printed by "
        "a run of the code into x1.grad and x2.grad.",
        code=HEAD + GRADS_ON + G + """    (g * 0).sum().backward()
    x1.grad.copy_(torch.tensor([0.0, -4.0, -1.5]))
    x2.grad.copy_(torch.tensor([3.0, 4.7358, 5.5474]))
    return x1.grad, x2.grad
""",
        hint={"en": "not what the backward pass stored", "pt": "não é o que a retropropagação guardou"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_finite_differences",
        kind="shortcut",
        misconception="Measured the partial derivatives with finite differences instead of a backward pass.",
        code=HEAD + """    step = 1e-3
    g = x1**2 * x2 + 2 * torch.exp(x2)
    dg_dx1 = ((x1 + step) ** 2 * x2 + 2 * torch.exp(x2) - g) / step
    dg_dx2 = (x1**2 * (x2 + step) + 2 * torch.exp(x2 + step) - g) / step
    return dg_dx1, dg_dx2
""",
        hint={"en": "finite differences", "pt": "diferenças finitas"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_autograd_grad_then_finite_differences",
        kind="shortcut",
        misconception="Called torch.autograd.grad only to free g's graph, as a backward pass would, and wrote finite "
        "differences into x1.grad and x2.grad.",
        code=HEAD + GRADS_ON + G + """    torch.autograd.grad(g.sum(), [x1, x2])
    step = 1e-3
    with torch.no_grad():
        x1.grad = ((x1 + step) ** 2 * x2 + 2 * torch.exp(x2) - g) / step
        x2.grad = (x1**2 * (x2 + step) + 2 * torch.exp(x2 + step) - g) / step
    return x1.grad, x2.grad
""",
        hint={"en": "started by torch.autograd.grad", "pt": "iniciada por torch.autograd.grad"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_saved_tensors_hook_fakes_a_pass",
        kind="shortcut",
        misconception="Ran no backward pass but made g's graph raise the 'second time' error of a graph already "
        "gone through (a saved_tensors_hooks unpack hook), and set the gradients from the prompt's formulas.",
        code=HEAD + GRADS_ON + """
    def unpack(saved):
        raise RuntimeError("Trying to backward through the graph a second time")

    with torch.autograd.graph.saved_tensors_hooks(lambda t: t, unpack):
        g = x1**2 * x2 + 2 * torch.exp(x2)
    x1.grad = (2 * x1 * x2).detach()
    x2.grad = (x1**2 + 2 * torch.exp(x2)).detach()
    return x1.grad, x2.grad
""",
        hint={"en": "No backward pass ran inside partials_of_g", "pt": "Nenhuma retropropagação rodou dentro de partials_of_g"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_forward_mode_after_dummy_backward",
        kind="shortcut",
        misconception="Ran a backward pass on an unrelated tensor so that the tests see one, and took the partial "
        "derivatives in forward mode with torch.func.jvp.",
        code=HEAD + """    torch.zeros((), requires_grad=True).backward()

    def g(a, b):
        return a**2 * b + 2 * torch.exp(b)

    _, dg_dx1 = torch.func.jvp(g, (x1, x2), (torch.ones_like(x1), torch.zeros_like(x2)))
    _, dg_dx2 = torch.func.jvp(g, (x1, x2), (torch.zeros_like(x1), torch.ones_like(x2)))
    return dg_dx1, dg_dx2
""",
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_root_with_g_values_then_formulas",
        kind="shortcut",
        misconception="Started the backward pass from a tensor with the value of g's sum but no gradient (g times 0, "
        "plus g's sum detached), then copied the hand-derived partial derivatives into x1.grad and x2.grad.",
        code=HEAD + GRADS_ON + G + """    ((g * 0).sum() + g.sum().detach()).backward()
    with torch.no_grad():
        x1.grad.copy_(2 * x1 * x2)
        x2.grad.copy_(x1**2 + 2 * torch.exp(x2))
    return x1.grad, x2.grad
""",
        hint={"en": "not what the backward pass stored", "pt": "não é o que a retropropagação guardou"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="ex1_lecture_function_pasted",
        kind="shortcut",
        misconception="Pasted the lecture's function f(x1, x2) = 3·x1² + 5·e^x2 and its single backward pass unchanged, "
        "instead of g.",
        code=HEAD + GRADS_ON + """    y = 3 * x1**2 + 5 * torch.exp(x2)
    y.sum().backward()
    return x1.grad, x2.grad
""",
        hint={"en": "did not start from g", "pt": "não partiu de g"},
    ),
    # ------------------------------------------------------------------ ex2
    # (The old entry ex2_math_exp is gone: f is now an argument, written by the tests, so the
    # student's gradient_of never writes e^x2; math.exp stays in ex1_math_exp and ex3_kept_math_exp.)
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_rows_swapped",
        misconception="Stacked the partial derivatives in the wrong order, ∂f/∂x2 first.",
        code="""def gradient_of(f, x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    f(x1, x2).sum().backward()
    d_x1 = x1.grad if x1.grad is not None else torch.zeros_like(x1)
    d_x2 = x2.grad if x2.grad is not None else torch.zeros_like(x2)
    return torch.stack([d_x2, d_x1])
""",
        hint={"en": "wrong order", "pt": "ordem errada"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_stacked_along_dim1",
        misconception="Stacked along dim=1, one row per point, instead of one row per partial derivative.",
        code="""def gradient_of(f, x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    f(x1, x2).sum().backward()
    d_x1 = x1.grad if x1.grad is not None else torch.zeros_like(x1)
    d_x2 = x2.grad if x2.grad is not None else torch.zeros_like(x2)
    return torch.stack([d_x1, d_x2], dim=1)
""",
        hint={"en": "dim=1", "pt": "dim=1"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_arguments_require_grad",
        misconception="Made the caller's tensors require grad instead of copies, so their .grad accumulates from call to call.",
        code="""def gradient_of(f, x1, x2):
    x1.requires_grad_(True)
    x2.requires_grad_(True)
    f(x1, x2).sum().backward()
    d_x1 = x1.grad if x1.grad is not None else torch.zeros_like(x1)
    d_x2 = x2.grad if x2.grad is not None else torch.zeros_like(x2)
    return torch.stack([d_x1, d_x2])
""",
        hint={"en": "accumulated", "pt": "acumulou"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_none_for_unused_variable",
        misconception="Expected x2.grad to hold zeros when f does not use x2; it stays None, and torch.stack fails.",
        code="""def gradient_of(f, x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    f(x1, x2).sum().backward()
    return torch.stack([x1.grad, x2.grad])
""",
        hint={"en": "stays None", "pt": "continua None"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_mean_instead_of_sum",
        misconception="Reduced f's values with mean(), as for a loss, which divides every point's derivatives by the number of points.",
        code="""def gradient_of(f, x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    f(x1, x2).mean().backward()
    d_x1 = x1.grad if x1.grad is not None else torch.zeros_like(x1)
    d_x2 = x2.grad if x2.grad is not None else torch.zeros_like(x2)
    return torch.stack([d_x1, d_x2])
""",
        hint={"en": "divides by the number of points", "pt": "divide pelo número de pontos"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_one_pass_per_partial",
        misconception="Believed each partial derivative needs its own backward pass, and ran one per variable.",
        code="""def gradient_of(f, x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    total = f(x1, x2).sum()
    d_x1, = torch.autograd.grad(total, x1, retain_graph=True, allow_unused=True, materialize_grads=True)
    d_x2, = torch.autograd.grad(total, x2, allow_unused=True, materialize_grads=True)
    return torch.stack([d_x1, d_x2])
""",
        hint={"en": "backward passes in one call", "pt": "retropropagações numa só chamada"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_returns_a_tuple",
        misconception="Returned the two partial derivatives as a tuple, not stacked into one tensor.",
        code="""def gradient_of(f, x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    f(x1, x2).sum().backward()
    d_x1 = x1.grad if x1.grad is not None else torch.zeros_like(x1)
    d_x2 = x2.grad if x2.grad is not None else torch.zeros_like(x2)
    return d_x1, d_x2
""",
        hint={"en": "should be a plain torch.Tensor", "pt": "deveria ser um torch.Tensor comum"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_lecture_values",
        kind="literal",
        misconception="Returned the gradient the lecture prints at its four points, whatever the arguments.",
        code="""def gradient_of(f, x1, x2):
    return torch.tensor([[-6.0, 0.0, 6.0, 12.0], [5.0, 8.2436, 1.8394, 13.5914]])
""",
        hint={"en": "fixed values", "pt": "valores fixos"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_lecture_formula",
        kind="formula",
        misconception="Returned the gradient of the lecture's f worked out by hand, (6·x1, 5·e^x2), ignoring f.",
        code="""def gradient_of(f, x1, x2):
    return torch.stack([6 * x1, 5 * torch.exp(x2)])
""",
        hint={"en": "by hand", "pt": "à mão"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_derivative_by_hand_missing_factor_2",
        kind="formula",
        misconception="Differentiated the lecture's f by hand, forgetting the factor 2 of the square (3·x1 for 3·x1²), ignoring f.",
        code="""def gradient_of(f, x1, x2):
    return torch.stack([3 * x1, 5 * torch.exp(x2)])
""",
        hint={"en": "No backward pass ran inside gradient_of", "pt": "Nenhuma retropropagação rodou dentro de gradient_of"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_finite_differences",
        kind="shortcut",
        misconception="Measured the partial derivatives of f with central finite differences instead of a backward pass.",
        code="""def gradient_of(f, x1, x2):
    step = 1e-3
    d_x1 = (f(x1 + step, x2) - f(x1 - step, x2)) / (2 * step)
    d_x2 = (f(x1, x2 + step) - f(x1, x2 - step)) / (2 * step)
    return torch.stack([d_x1, d_x2])
""",
        hint={"en": "finite differences", "pt": "diferenças finitas"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_finite_differences_beside_a_real_pass",
        kind="shortcut",
        misconception="Ran a backward pass through f only so that the tests see one, and returned finite differences "
        "measured in float64 instead of the gradients it computed.",
        code="""def gradient_of(f, x1, x2):
    a = x1.clone().requires_grad_(True)
    b = x2.clone().requires_grad_(True)
    f(a, b).sum().backward()
    step = 1e-6
    x1, x2 = x1.double(), x2.double()
    d_x1 = (f(x1 + step, x2) - f(x1 - step, x2)) / (2 * step)
    d_x2 = (f(x1, x2 + step) - f(x1, x2 - step)) / (2 * step)
    return torch.stack([d_x1, d_x2]).to(a.dtype)
""",
        hint={"en": "slope of f's values", "pt": "inclinação dos valores de f"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_torch_func_vjp",
        kind="shortcut",
        misconception="Used torch.func.vjp, which the exercise rules out, instead of a backward pass.",
        code="""def gradient_of(f, x1, x2):
    values, pull_back = torch.func.vjp(f, x1, x2)
    return torch.stack(pull_back(torch.ones_like(values)))
""",
        hint={"en": "started by torch.func", "pt": "iniciada por torch.func"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_autograd_functional_vjp",
        kind="shortcut",
        misconception="Used torch.autograd.functional.vjp, which the exercise rules out, instead of a backward pass.",
        code="""def gradient_of(f, x1, x2):
    _, (d_x1, d_x2) = torch.autograd.functional.vjp(f, (x1, x2), torch.ones_like(x1))
    return torch.stack([d_x1, d_x2])
""",
        hint={"en": "started by torch.autograd.functional", "pt": "iniciada por torch.autograd.functional"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_agreeable_object",
        kind="shortcut",
        misconception="Returned an object that claims to equal anything, hoping the tests compare with ==.",
        code="""class Agreeable:
    shape = (2, 4)

    def __eq__(self, other):
        return True

    def __bool__(self):
        return True


def gradient_of(f, x1, x2):
    return Agreeable()
""",
        hint={"en": "should be a plain torch.Tensor", "pt": "deveria ser um torch.Tensor comum"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_forward_mode_after_dummy_backward",
        kind="shortcut",
        misconception="Ran a backward pass on an unrelated tensor so that the tests see one, and took the partial "
        "derivatives of f in forward mode with torch.autograd.forward_ad.",
        code="""def gradient_of(f, x1, x2):
    import torch.autograd.forward_ad as fwAD

    torch.zeros((), requires_grad=True).backward()
    rows = []
    for d1, d2 in ((1.0, 0.0), (0.0, 1.0)):
        with fwAD.dual_level():
            a = fwAD.make_dual(x1, torch.full_like(x1, d1))
            b = fwAD.make_dual(x2, torch.full_like(x2, d2))
            tangent = fwAD.unpack_dual(f(a, b)).tangent
        rows.append(tangent if tangent is not None else torch.zeros_like(x1))
    return torch.stack(rows)
""",
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="ex2_dummy_backward_then_finite_differences",
        kind="shortcut",
        misconception="Ran a backward pass on an unrelated tensor so that the tests see one, and measured the partial "
        "derivatives of f with central finite differences.",
        code="""def gradient_of(f, x1, x2):
    torch.zeros((), requires_grad=True).backward()
    step = 1e-3
    d_x1 = (f(x1 + step, x2) - f(x1 - step, x2)) / (2 * step)
    d_x2 = (f(x1, x2 + step) - f(x1, x2 - step)) / (2 * step)
    return torch.stack([d_x1, d_x2])
""",
        hint={"en": "did not go through the values of f", "pt": "não passou pelos valores de f"},
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
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_gradients_set_by_hand",
        kind="formula",
        misconception="Set p1.grad and p2.grad from the partial derivatives the prompt gives, without a backward pass.",
        code="""def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
    p1.grad = p2.detach().clone()
    p2.grad = (p1 + 4 * torch.exp(p2)).detach()
    return p1.grad, p2.grad
""",
        hint={"en": "No backward pass ran inside partials_of_h", "pt": "Nenhuma retropropagação rodou dentro de partials_of_h"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_classmates_point_typed_in",
        kind="literal",
        misconception="Typed in the partial derivatives at the classmate's point, (−1, 1.9715), as fixed values.",
        code="""def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
    p1.grad = torch.full_like(p1, -1.0)
    p2.grad = torch.full_like(p2, 1.9715)
    return p1.grad, p2.grad
""",
        hint={"en": "fixed values", "pt": "valores fixos"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_token_backward_then_formulas",
        kind="shortcut",
        misconception="Ran a backward pass through something else only so that the tests see one, then set the "
        "gradients from the formulas of the prompt.",
        code="""def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
    (p1 + p2).sum().backward()
    p1.grad = p2.detach().clone()
    p2.grad = (p1 + 4 * torch.exp(p2)).detach()
    return p1.grad, p2.grad
""",
        hint={"en": "not what its backward pass computed", "pt": "não são o que a retropropagação dela calculou"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_torch_func_grad",
        kind="shortcut",
        misconception="Replaced the backward pass by torch.func.grad, and set the gradients from its result.",
        code="""def partials_of_h(p1, p2):
    p1 = p1.clone().requires_grad_(True)
    p2 = p2.clone().requires_grad_(True)
    d_p1, d_p2 = torch.func.grad(lambda a, b: (a * b + 4 * torch.exp(b)).sum(), argnums=(0, 1))(p1, p2)
    p1.grad, p2.grad = d_p1.detach(), d_p2.detach()
    return p1.grad, p2.grad
""",
        hint={"en": "started by torch.func", "pt": "iniciada por torch.func"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_surrogate_with_hand_gradient",
        kind="formula",
        misconception="Built, from the partial derivatives the prompt gives, a surrogate with h's values whose gradient "
        "is that formula, with the exponential computed on a detached p2, and ran the backward pass from it.",
        code=H + """    a, b = p1.detach(), p2.detach()
    h = (a * b + 4 * torch.exp(b)) + b * (p1 - a) + (a + 4 * torch.exp(b)) * (p2 - b)
    h.sum().backward()
    return p1.grad, p2.grad
""",
        hint={"en": "holds no exponential of p2", "pt": "não tem nenhuma exponencial de p2"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_surrogate_with_exponential_for_show",
        kind="formula",
        misconception="Built the surrogate of the prompt's formulas, and added 0·e^p2 computed from p2 so that an "
        "exponential of p2 shows in the graph.",
        code=H + """    a, b = p1.detach(), p2.detach()
    h = (a * b + 4 * torch.exp(b)) + b * (p1 - a) + (a + 4 * torch.exp(b)) * (p2 - b) + 0 * torch.exp(p2)
    h.sum().backward()
    return p1.grad, p2.grad
""",
        hint={"en": "there for show", "pt": "só de enfeite"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_root_with_h_values_then_formulas",
        kind="shortcut",
        misconception="Started the backward pass from h's values detached plus 0·(p1 + p2), a tensor with h's values "
        "that reaches p1 and p2, then set the gradients from the prompt's formulas.",
        code=H + """    values = (p1 * p2 + 4 * torch.exp(p2)).detach() + 0 * (p1 + p2)
    values.sum().backward()
    p1.grad = p2.detach().clone()
    p2.grad = (p1 + 4 * torch.exp(p2)).detach()
    return p1.grad, p2.grad
""",
        hint={"en": "not what its backward pass computed", "pt": "não são o que a retropropagação dela calculou"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="ex3_forward_mode_after_dummy_backward",
        kind="shortcut",
        misconception="Ran a backward pass on an unrelated tensor so that the tests see one, and took the partial "
        "derivatives in forward mode with torch.autograd.forward_ad.",
        code=H + """    import torch.autograd.forward_ad as fwAD

    torch.zeros((), requires_grad=True).backward()
    tangents = []
    for d1, d2 in ((1.0, 0.0), (0.0, 1.0)):
        with fwAD.dual_level():
            a = fwAD.make_dual(p1.detach(), torch.full_like(p1, d1))
            b = fwAD.make_dual(p2.detach(), torch.full_like(p2, d2))
            tangents.append(fwAD.unpack_dual(a * b + 4 * torch.exp(b)).tangent)
    p1.grad, p2.grad = tangents
    return p1.grad, p2.grad
""",
        hint={"en": "forward mode", "pt": "modo direto"},
    ),
]

# Other correct answers, name -> (solution cell, code): each must get full marks (see the docstring).
RIGHT_ANSWERS = {
    "ex1_math_e_power": ("ex1_answer", HEAD + GRADS_ON + """    g = x1**2 * x2 + 2 * math.e ** x2
    g.sum().backward()
    return x1.grad, x2.grad
"""),
    "ex1_backward_with_ones": ("ex1_answer", HEAD + GRADS_ON + """    g = x1**2 * x2 + 2 * x2.exp()
    g.backward(torch.ones_like(g))
    return x1.grad, x2.grad
"""),
    "ex1_autograd_backward": ("ex1_answer", HEAD + GRADS_ON + G + """    torch.autograd.backward(g, torch.ones_like(g))
    return x1.grad, x2.grad
"""),
    "ex1_copies_returned": ("ex1_answer", HEAD + GRADS_ON + G + """    g.sum().backward()
    return x1.grad.clone(), x2.grad.detach().clone()
"""),
    "ex1_grads_start_at_zero": ("ex1_answer", HEAD + GRADS_ON + """    x1.grad = torch.zeros_like(x1)
    x2.grad = torch.zeros_like(x2)
    g = x1 * x1 * x2 + 2 * torch.exp(x2)
    g.sum().backward()
    return x1.grad, x2.grad
"""),
    "ex1_in_float64": ("ex1_answer", HEAD + GRADS_ON + """    a, b = x1.double(), x2.double()
    g = a**2 * b + 2 * torch.exp(b)
    g.sum().backward()
    return x1.grad, x2.grad
"""),
    "ex1_tensors_made_again_with_requires_grad": ("ex1_answer", HEAD + """    x1 = torch.tensor(x1_values, requires_grad=True)
    x2 = torch.tensor(x2_values, requires_grad=True)
    g = torch.pow(x1, 2) * x2 + 2 * torch.pow(math.e, x2)
    g.sum().backward(inputs=[x1, x2])
    return x1.grad, x2.grad
"""),
    "ex1_exponential_of_a_shifted_exponent": ("ex1_answer", HEAD + GRADS_ON + """    g = x1 * x1 * x2 + torch.exp(x2 + math.log(2))
    g.sum().backward(create_graph=True)
    return x1.grad, x2.grad
"""),
    "ex1_exponential_written_twice": ("ex1_answer", HEAD + GRADS_ON + """    g = x1**2 * x2 + torch.exp(x2) + torch.exp(x2)
    torch.autograd.backward(g.sum())
    return x1.grad, x2.grad
"""),
    "ex2_autograd_grad": ("ex2_answer", """def gradient_of(f, x1, x2):
    x1 = x1.detach().clone().requires_grad_(True)
    x2 = x2.detach().clone().requires_grad_(True)
    d_x1, d_x2 = torch.autograd.grad(f(x1, x2).sum(), (x1, x2), allow_unused=True, materialize_grads=True)
    return torch.stack([d_x1, d_x2])
"""),
    "ex2_grads_start_at_zero": ("ex2_answer", """def gradient_of(f, x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    x1.grad = torch.zeros_like(x1)
    x2.grad = torch.zeros_like(x2)
    y = f(x1, x2)
    y.backward(torch.ones_like(y))
    return torch.stack([x1.grad, x2.grad])
"""),
    "ex2_autograd_backward_with_ones": ("ex2_answer", """def gradient_of(f, x1, x2):
    x1 = x1.detach().requires_grad_()
    x2 = x2.detach().requires_grad_()
    y = f(x1, x2)
    torch.autograd.backward(y, torch.ones_like(y))
    zero = torch.zeros_like(x1)
    return torch.stack([x1.grad if x1.grad is not None else zero, x2.grad if x2.grad is not None else zero])
"""),
    "ex2_create_graph": ("ex2_answer", """def gradient_of(f, x1, x2):
    x1 = x1.clone().requires_grad_(True)
    x2 = x2.clone().requires_grad_(True)
    d = torch.autograd.grad(f(x1, x2).sum(), (x1, x2), create_graph=True, allow_unused=True, materialize_grads=True)
    return torch.stack(d)
"""),
    "ex3_math_e_power": ("ex3_answer", H + """    h = p1 * p2 + 4 * math.e ** p2
    h.sum().backward()
    return p1.grad, p2.grad
"""),
    "ex3_backward_with_ones": ("ex3_answer", H + """    h = p1 * p2 + 4 * p2.exp()
    h.backward(torch.ones_like(h))
    return p1.grad, p2.grad
"""),
    "ex3_autograd_grad_stored": ("ex3_answer", H + """    h = p1 * p2 + 4 * torch.e ** p2
    p1.grad, p2.grad = torch.autograd.grad(h.sum(), (p1, p2))
    return p1.grad, p2.grad
"""),
    "ex3_math_exp_of_1_power": ("ex3_answer", H + """    h = p1 * p2 + 4 * math.exp(1) ** p2
    h.sum().backward(inputs=[p1, p2])
    return p1.grad, p2.grad
"""),
    "ex3_exp_in_float64": ("ex3_answer", H + """    h = p1 * p2 + 4 * torch.exp(p2.double())
    torch.autograd.backward([h.sum()], retain_graph=True)
    return p1.grad, p2.grad
"""),
    "ex3_grad_outputs_of_ones": ("ex3_answer", H + """    h = p1 * p2 + 4 * (torch.expm1(p2) + 1)
    p1.grad, p2.grad = torch.autograd.grad(h, (p1, p2), grad_outputs=torch.ones_like(h))
    return p1.grad, p2.grad
"""),
}
