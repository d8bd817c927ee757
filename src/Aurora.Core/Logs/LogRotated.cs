namespace Aurora.Core.Logs;

/// NAME.log reached max_size and was renamed to RotatedTo holding Bytes bytes.
/// With keep = 0 the file is truncated instead: RotatedTo is NAME.log itself and the bytes are gone.
public sealed record LogRotated(string Service, string RotatedTo, long Bytes);
