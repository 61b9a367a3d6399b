"""Item models: Qt views over the records services hand out."""
