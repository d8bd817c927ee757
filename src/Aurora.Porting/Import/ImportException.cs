namespace Aurora.Porting.Import;

/// The source cannot be read as its format (bad syntax, the wrong shape): the message says where and what.
public sealed class ImportException(string message) : Exception(message);
