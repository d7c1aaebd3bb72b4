"""PLACEHOLDER: commands not written yet."""


def register(main):
    pass
