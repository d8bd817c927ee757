namespace Aurora.Daemon.Hosting;

/// What SystemdUnitFile.Write did.
public enum UnitWrite { Written, Unchanged, Replaced, RefusedDifferent }
