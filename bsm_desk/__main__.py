from bsm_desk.cli import main

raise SystemExit(main())
