namespace Aurora.Core.Doctor;

/// Blocking findings make `aurora doctor` exit 1 (the service cannot start as configured); warnings do not.
public enum DoctorSeverity { Ok, Warning, Blocking }
