"""Wrong answers to assignment 5 (gradients through Python control flow).

Each ``code`` is the whole solution cell as a student would have typed it:
the given lines (the function to differentiate, the tensor) plus the mistake.
"""

from autograd_lab.wrong_answers import WrongAnswer

# The lines given in each solution cell, outside the solution region.
_H = """def h(x):
    y = x * x
    while y < 100:
        y = y * 3
    if x > 0:
        z = y
    else:
        z = -2 * y
    return z


x = torch.tensor(-1.5, requires_grad=True)
"""

_G = """def g(x):
    if x.sum() > 0:
        y = (x**3).sum()
    else:
        y = (5 * x).sum()
    return y


def predicted_grad(x):
"""

_F = """def f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c


def control_flow_grad(a):
"""

WRONG_ANSWERS = [
    # ------------------------------------------------------------ exercise 1
    WrongAnswer(
        cell="ex1_answer",
        name="value_instead_of_gradient",
        misconception="Stored the value h(x) instead of the gradient: never called backward().",
        code=_H + "x_grad = h(x)\n",
        hint={"en": "the value of the function", "pt": "o valor da função"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="d_over_x_shortcut",
        misconception=(
            "Reused the lecture's a.grad == d / a for a function that is not linear in x on its path "
            "(h squares x, so h(x) / x is half the gradient)."
        ),
        code=_H + "z = h(x)\nz.backward()\nx_grad = z / x\n",
        hint={"en": "linear in x", "pt": "linear em x"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="backward_twice_accumulates",
        misconception="Ran h and backward() twice (once to look, once for the answer) without zeroing x.grad.",
        code=_H + "z = h(x)\nz.backward()\nprint(x.grad)\nz = h(x)\nz.backward()\nx_grad = x.grad\n",
        hint={"en": "accumulated", "pt": "acumulou"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="dropped_else_branch",
        misconception=(
            "Assumed the gradient is the same on both branches, so differentiated the loop without the final "
            "if/else (the else branch multiplies by -2)."
        ),
        code=_H + "y = x * x\nwhile y < 100:\n    y = y * 3\ny.backward()\nx_grad = x.grad\n",
        hint={"en": "not the same on both branches", "pt": "não é o mesmo nos dois ramos"},
    ),
    WrongAnswer(
        cell="ex1_answer",
        name="forgot_backward",
        misconception="Read x.grad right after the forward pass, believing autograd fills it by itself.",
        code=_H + "z = h(x)\nx_grad = x.grad\n",
        hint={"en": "until you call backward()", "pt": "até você chamar backward()"},
    ),
    # ------------------------------------------------------------ exercise 2
    WrongAnswer(
        cell="ex2_answer",
        name="branch_per_component",
        misconception="Believed the if chooses a branch per component, like torch.where, instead of once for the whole tensor.",
        code=_G + "    return torch.where(x > 0, 3 * x**2, torch.full_like(x, 5.0))\n",
        hint={"en": "whole tensor", "pt": "tensor inteiro"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="same_gradient_on_both_branches",
        misconception="Assumed the gradient is the same on both branches and used the derivative of x**3 everywhere.",
        code=_G + "    return 3 * x**2\n",
        hint={"en": "not the same on both branches", "pt": "não é o mesmo nos dois ramos"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="value_of_the_branch",
        misconception="Returned the value of each branch (x**3, 5 * x) instead of its derivative.",
        code=_G + "    if x.sum() > 0:\n        return x**3\n    return 5 * x\n",
        hint={"en": "not its derivative", "pt": "não a sua derivada"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="single_number_on_else_branch",
        misconception="Thought that the derivative of (5 * x).sum() is the single number 5, not 5 in every component.",
        code=_G + "    if x.sum() > 0:\n        return 3 * x**2\n    return torch.tensor(5.0)\n",
        hint={"en": "one entry per component", "pt": "uma entrada por componente"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="greater_or_equal_condition",
        misconception="Put the boundary on the wrong side: when the sum is exactly 0 the else branch runs, not the if branch.",
        code=_G + "    if x.sum() >= 0:\n        return 3 * x**2\n    return torch.full_like(x, 5.0)\n",
        hint={"en": "exactly 0", "pt": "exatamente 0"},
    ),
    WrongAnswer(
        cell="ex2_answer",
        name="hard_coded_visible_values",
        misconception="Hard-coded the gradients of the two visible examples p and q.",
        code=_G + "    if x.sum() > 0:\n        return torch.tensor([12.0, 3.0])\n    return torch.tensor([5.0, 5.0])\n",
        hint={"en": "by hand", "pt": "à mão"},
    ),
    # ------------------------------------------------------------ exercise 3
    WrongAnswer(
        cell="ex3_answer",
        name="backward_on_vector_output",
        misconception="Called d.backward() on the vector f(a), as for a scalar input.",
        code=_F
        + "    leaf = a.detach().clone().requires_grad_(True)\n    d = f(leaf)\n    d.backward()\n    return leaf.grad\n",
        hint={"en": "not a scalar", "pt": "não um escalar"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="d_over_a_instead_of_autograd",
        misconception="Returned d / a because the lecture showed a.grad == d / a, forgetting that it is 0 / 0 where a is 0.",
        code=_F + "    return f(a) / a\n",
        hint={"en": "divides by zero", "pt": "divide por zero"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="mean_instead_of_sum",
        misconception="Reduced the vector output with mean() instead of sum(), dividing the gradient by the number of entries.",
        code=_F
        + "    leaf = a.detach().clone().requires_grad_(True)\n    f(leaf).mean().backward()\n    return leaf.grad\n",
        hint={"en": "divided by", "pt": "dividido por"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="returned_the_leaf_not_its_grad",
        misconception="Returned the tensor that requires grad instead of its .grad.",
        code=_F + "    leaf = a.detach().clone().requires_grad_(True)\n    f(leaf).sum().backward()\n    return leaf\n",
        hint={"en": "the input itself", "pt": "a própria entrada"},
    ),
    WrongAnswer(
        cell="ex3_answer",
        name="gradient_accumulates_across_calls",
        misconception=(
            "Turned on requires_grad on the caller's tensor and returned its .grad: a second call on the same "
            "tensor adds to the first (gradients accumulate; nothing zeroes them)."
        ),
        code=_F + "    a.requires_grad_(True)\n    f(a).sum().backward()\n    return a.grad\n",
        hint={"en": "accumulated", "pt": "acumularam"},
    ),
]
