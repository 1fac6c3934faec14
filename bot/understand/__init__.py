"""Understanding a message: normalisation, language and style, Darija and Arabizi, scope, intent."""
