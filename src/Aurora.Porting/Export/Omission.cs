namespace Aurora.Porting.Export;

/// Something of the config the export does not carry (or carries only in part), and why. Service is empty for
/// settings of the whole project.
public sealed record Omission(string Service, string What, string Why)
{
    public override string ToString() => $"{(Service.Length > 0 ? Service : "(project)")}: {What}: {Why}";
}
