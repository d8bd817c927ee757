namespace Aurora.Layout;

/// What SystemdUnitFile.Write did.
public enum UnitWrite { Written, Unchanged, Replaced, RefusedDifferent }
