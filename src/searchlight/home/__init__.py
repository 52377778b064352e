"""The start page: a dashboard of panels that each domain registers (see `home.panels`)."""
