from emaillint.cli import main

raise SystemExit(main())
