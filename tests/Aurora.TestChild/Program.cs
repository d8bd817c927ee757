Console.WriteLine("placeholder until the processes work lands");
