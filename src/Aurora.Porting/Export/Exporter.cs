using Aurora.Core.Config;
using Aurora.Porting.Export.Compose;
using Aurora.Porting.Export.Kubernetes;
using Aurora.Porting.Export.Systemd;

namespace Aurora.Porting.Export;

/// `aurora export FORMAT`: the exporter for the format.
public static class Exporter
{
    public static ExportResult Export(ExportFormat format, AuroraConfig config, ExportOptions options) => format switch
    {
        ExportFormat.Systemd => SystemdExporter.Export(config, options),
        ExportFormat.Compose => ComposeExporter.Export(config, options),
        _ => KubernetesExporter.Export(config, options),
    };
}
