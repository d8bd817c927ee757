namespace Aurora.Layout;

/// What SystemdUnitFile.Remove did.
public enum UnitRemoval { Removed, Missing, RefusedForeign }
