namespace Aurora.Core.Diagnosis;

public interface IPortOwners
{
    PortOwner? Owner(int port);
}
