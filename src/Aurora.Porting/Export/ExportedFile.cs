namespace Aurora.Porting.Export;

/// One file an exporter wrote: its name inside the output directory and its text.
public sealed record ExportedFile(string Name, string Text);
