namespace Aurora.Daemon.Hosting;

/// What SystemdUnitFile.Remove did.
public enum UnitRemoval { Removed, Missing, RefusedForeign }
