"""The user's documents: reading files and corpora, cutting them into token windows, generating queries."""
