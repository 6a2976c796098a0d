"""Split by side: assessments (Assessment and Support) and plans (plans and conferences)."""
