from searchlight.cli import main

main()
