"""The desktop interface: PySide6 lives here and nowhere else."""
