"""PLACEHOLDER: scorer not written yet."""


def register_eval(group):
    pass
