namespace Aurora.Core.Config.Parsing;

/// How a `${…}` reference treats an unset variable (SPEC §3, the Compose forms):
/// Plain `${VAR}` or `$VAR`, Default `${VAR:-d}` / `${VAR-d}`, Required `${VAR:?msg}` / `${VAR?msg}`,
/// Alternate `${VAR:+x}` / `${VAR+x}`.
public enum ReferenceKind { Plain, Default, Required, Alternate }
