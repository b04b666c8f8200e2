from minutes.cli import main

main()
