namespace Aurora.Porting.Export;

/// What `aurora export FORMAT` writes.
public enum ExportFormat { Systemd, Compose, Kubernetes }
