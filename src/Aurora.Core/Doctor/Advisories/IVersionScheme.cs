namespace Aurora.Core.Doctor.Advisories;

/// How an ecosystem orders its versions. Compare returns null when either version does not parse.
public interface IVersionScheme
{
    int? Compare(string a, string b);
}
