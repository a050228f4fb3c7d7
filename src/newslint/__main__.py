from newslint.command import main

main()
