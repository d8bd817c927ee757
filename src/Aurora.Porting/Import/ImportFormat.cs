namespace Aurora.Porting.Import;

public enum ImportFormat
{
    Procfile,
    Compose,
    Pm2,
    Supervisord,
    ProcessCompose,
}
