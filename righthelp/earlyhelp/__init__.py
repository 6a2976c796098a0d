"""Early help: assess, plan, do, review."""
