"""The procedure model, the ground floor of Dalil: the schema of a knowledge file, loading and
validating the folder, and cutting a procedure into chunks. Imports nothing of bot/ above it."""
